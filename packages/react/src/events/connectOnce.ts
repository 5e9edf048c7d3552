import type { EventSourceMessage } from 'eventsource-parser'
import type { ConnectionOptions } from './ConnectionOptions.ts'
import { readEvents } from './readEvents.ts'

/** How one connection ended, which decides what the next attempt does. */
export type ConnectionEnd =
  /** The proxy will not serve this stream, however often it is asked: stop (the hooks poll). */
  | { readonly reason: 'refused' }
  /**
   * The proxy refused `token` (a 401, or `token_expired` on an open stream): the next attempt
   * hands it back as `rejected` for a fresh one.
   */
  | { readonly reason: 'rejected'; readonly token: string; readonly opened: boolean }
  /** Anything else (network error, 5xx, 429, the stream ended or fell silent): try again later. */
  | { readonly reason: 'dropped'; readonly opened: boolean }

/** One attempt's inputs, and where it reports what the stream says. */
export interface Attempt {
  /** Fires when the whole session ends (the last subscriber left). */
  readonly signal: AbortSignal
  /** The token the previous attempt had refused. */
  readonly rejected: string | undefined
  /** Sent as `Last-Event-ID` when not `''`, so the proxy replays what came after it. */
  readonly lastEventId: string
  /** The proxy answered with an event stream. */
  readonly onOpen: () => void
  readonly onEvent: (event: EventSourceMessage) => void
  readonly onId: (id: string) => void
  readonly onRetry: (milliseconds: number) => void
}

// Statuses on which asking again the same way cannot succeed; 408, 429 and 5xx can. That
// includes a 401 to a stream that sent no token (an API-key client shares none): there is no
// token to refresh. A 401 to a token is not final: the next attempt asks for a fresh one.
const isFinalRefusal = (status: number): boolean =>
  status >= 400 && status < 500 && status !== 408 && status !== 429

const isEventStream = (response: Response): boolean =>
  (response.headers.get('content-type') ?? '').toLowerCase().startsWith('text/event-stream')

// The proxy's way to say the token it accepted at connect time has now expired.
const isTokenExpired = (event: EventSourceMessage): boolean => {
  if (event.event !== 'error') return false
  try {
    const value: unknown = JSON.parse(event.data)
    return (value as { code?: unknown } | null)?.code === 'token_expired'
  } catch {
    return false
  }
}

// Frees the connection of an answer we will not read; a body that cannot be cancelled is moot.
const discard = async (response: Response): Promise<void> => {
  try {
    await response.body?.cancel()
  } catch {}
}

/**
 * One connection to the proxy's event stream, from the token to the end of the body: the token
 * goes in `Authorization` (never in the URL), and a connection silent for `heartbeatTimeout`
 * (from the start, through the token and the headers, to every chunk) is cut, since some networks
 * drop idle connections without closing them. Never rejects.
 */
export async function connectOnce(
  options: ConnectionOptions,
  attempt: Attempt,
): Promise<ConnectionEnd> {
  const controller = new AbortController()
  const abort = () => controller.abort(attempt.signal.reason)
  attempt.signal.addEventListener('abort', abort, { once: true })
  let watchdog: ReturnType<typeof setTimeout> | undefined
  const rearm = () => {
    clearTimeout(watchdog)
    watchdog = setTimeout(() => controller.abort(), options.heartbeatTimeout)
  }
  let opened = false
  try {
    rearm()
    const token = (await options.token(attempt.rejected, controller.signal)) || undefined
    const headers = new Headers({ accept: 'text/event-stream' })
    if (token !== undefined) headers.set('authorization', `Bearer ${token}`)
    if (attempt.lastEventId !== '') headers.set('last-event-id', attempt.lastEventId)
    const response = await (options.fetch ?? globalThis.fetch)(options.url, {
      headers,
      cache: 'no-store',
      signal: controller.signal,
    })
    if (!response.ok || !isEventStream(response) || response.body === null) {
      await discard(response)
      if (response.status === 401 && token !== undefined) {
        return { reason: 'rejected', token, opened }
      }
      // A 2xx that is not an event stream is a wrong URL (an app's HTML page), and a 204 is the
      // standard's way to say stop: final too.
      return response.ok || isFinalRefusal(response.status)
        ? { reason: 'refused' }
        : { reason: 'dropped', opened }
    }
    opened = true
    rearm()
    attempt.onOpen()
    const { onId, onRetry } = attempt
    for await (const event of readEvents(response.body, { onChunk: rearm, onId, onRetry })) {
      if (isTokenExpired(event) && token !== undefined) return { reason: 'rejected', token, opened }
      attempt.onEvent(event)
    }
    return { reason: 'dropped', opened }
  } catch {
    return { reason: 'dropped', opened }
  } finally {
    clearTimeout(watchdog)
    attempt.signal.removeEventListener('abort', abort)
    controller.abort()
  }
}
