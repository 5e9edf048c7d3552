/**
 * The page's Kirim client. It holds no API key: it asks the proxy (`POST /api/kirim/token`, with
 * the session cookie) for short-lived tokens and sends through the proxy, which adds the key.
 */
import { Kirim } from '@kirim/core'
import type { EventsOptions } from '@kirim/react'

/** Where the proxy lives (the dev server mounts it there). */
export const PROXY_PATH = '/api/kirim'

/** The client every hook of the page uses. */
export const kirim = new Kirim({ tokenUrl: `${PROXY_PATH}/token`, baseUrl: PROXY_PATH })

// Renewed this long before the proxy says it expires.
const EXPIRY_MARGIN_MS = 30_000
let streamToken: { readonly token: string; readonly expiresAt: number } | undefined
let pending: Promise<string> | undefined

/**
 * A proxy token for the status event stream. The client keeps its own token to itself, so the
 * stream gets one of its own from the same endpoint (same session, hence the same subject and
 * the same messages).
 */
async function eventStreamToken(): Promise<string> {
  if (streamToken !== undefined && Date.now() < streamToken.expiresAt) return streamToken.token
  pending ??= (async () => {
    try {
      const response = await fetch(`${PROXY_PATH}/token`, { method: 'POST', credentials: 'same-origin' })
      if (!response.ok) throw new Error(`The proxy refused a token (HTTP ${response.status}).`)
      const { token, expiresIn } = (await response.json()) as { token?: unknown; expiresIn?: unknown }
      if (typeof token !== 'string' || typeof expiresIn !== 'number') {
        throw new Error('The proxy answered the token request without { token, expiresIn }.')
      }
      streamToken = { token, expiresAt: Date.now() + expiresIn * 1000 - EXPIRY_MARGIN_MS }
      return token
    } finally {
      pending = undefined
    }
  })()
  return pending
}

/** The proxy's status event stream, for `KirimProvider`. */
export const statusEvents: EventsOptions = {
  url: `${PROXY_PATH}/events`,
  token: eventStreamToken,
}
