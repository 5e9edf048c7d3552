/**
 * The page's Kirim client. It holds no API key: it asks the proxy (`POST /api/kirim/token`, with
 * the session cookie) for short-lived tokens and sends through the proxy, which adds the key.
 */
import { Kirim } from '@kirim/core'

/** Where the proxy lives (the dev server mounts it there). */
export const PROXY_PATH = '/api/kirim'

/** The client every hook of the page uses. */
export const kirim = new Kirim({ tokenUrl: `${PROXY_PATH}/token`, baseUrl: PROXY_PATH })

/**
 * The proxy's status event stream, for `KirimProvider`. It gets its tokens from the proxy's token
 * route beside it, with the same session cookie: the same subject, so the same messages.
 */
export const STATUS_EVENTS_URL = `${PROXY_PATH}/events`
