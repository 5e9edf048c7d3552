import type { EventSourceMessage } from 'eventsource-parser'
import type { ConnectionOptions } from './ConnectionOptions.ts'
import { connectOnce } from './connectOnce.ts'

/**
 * Where a session's connection is:
 * - `connecting`: the first connection of the session is being opened.
 * - `open`: events flow.
 * - `reconnecting`: the connection dropped (or could not open); the next attempt is scheduled.
 * - `failed`: the proxy refused the stream for good (403, 404, a 401 without a token to refresh,
 *   not an event stream).
 */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'failed'

/** What a session reports. */
export interface SessionHandlers {
  readonly onState: (state: ConnectionState) => void
  /** A connection opened; `resumed` when it sent `Last-Event-ID`, so the proxy replays the gap. */
  readonly onOpen: (resumed: boolean) => void
  readonly onEvent: (event: EventSourceMessage) => void
}

// The HTML standard leaves the first reconnection delay to the client, "a few seconds"; the
// proxy's `retry:` field replaces it.
const INITIAL_SERVER_RETRY = 3000

const wait = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done, { once: true })
  })

/**
 * Keeps one event stream connected until `signal` fires: each attempt resumes from the last
 * event id seen in this session (`Last-Event-ID`), waits `retryDelay(failures, serverRetry)`
 * between attempts (the count starts again after a connection opened), and stops for good on a
 * final refusal. `options()` is read at every attempt, so new options apply from the next one.
 */
export async function keepConnected(
  options: () => ConnectionOptions,
  signal: AbortSignal,
  handlers: SessionHandlers,
): Promise<void> {
  // Per session: a later one may run under another token (another subject), where these ids
  // mean nothing.
  let lastEventId = ''
  let serverRetry = INITIAL_SERVER_RETRY
  let failures = 0
  let rejected: string | undefined
  let expiredBefore = false
  handlers.onState('connecting')
  while (!signal.aborted) {
    const resumed = lastEventId !== ''
    const end = await connectOnce(options(), {
      signal,
      rejected,
      lastEventId,
      onOpen: () => {
        handlers.onState('open')
        handlers.onOpen(resumed)
      },
      onEvent: handlers.onEvent,
      onId: (id) => {
        lastEventId = id
      },
      onRetry: (milliseconds) => {
        serverRetry = milliseconds
      },
    })
    if (signal.aborted) return
    if (end.reason === 'refused') {
      handlers.onState('failed')
      return
    }
    handlers.onState('reconnecting')
    rejected = end.reason === 'rejected' ? end.token : undefined
    if (end.opened) failures = 0
    // A token refused on an open stream has expired there (`token_expired`): a fresh one is worth
    // an immediate try, but only once in a row, so a proxy that keeps expiring new tokens gets
    // the usual backoff instead of a tight loop.
    const expired = end.reason === 'rejected' && end.opened
    const immediate = expired && !expiredBefore
    expiredBefore = expired
    await wait(immediate ? 0 : options().retryDelay(failures++, serverRetry), signal)
  }
}
