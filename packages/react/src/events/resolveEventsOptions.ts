import type { Kirim } from '@kirim/core'
import type { ConnectionOptions, TokenSource } from './ConnectionOptions.ts'
import type { EventsOptions } from './EventsOptions.ts'

// The longest wait between reconnection attempts: long enough to spare a proxy that is down,
// short enough that a page left open comes back live within half a minute of it.
const MAX_RETRY_DELAY = 30_000

// The proxy pings every 15 s: three missed pings mean the connection is gone.
const HEARTBEAT_TIMEOUT = 45_000

/** The default `retryDelay`: the proxy's `retry` doubled per failed attempt, capped, ±20 % jitter. */
export const defaultRetryDelay = (attempt: number, serverRetry: number): number =>
  Math.min(serverRetry * 2 ** attempt, MAX_RETRY_DELAY) * (0.8 + Math.random() * 0.4)

// The client's own token: one token, and one refresh, for its calls and the stream. An API-key
// client has none to share (its key never leaves it), so the stream goes without a bearer.
const clientToken =
  (client: Pick<Kirim, 'token'>): TokenSource =>
  (rejected, signal) =>
    client.token({ signal, rejected })

/**
 * `events` as the provider got it (a URL, or options), with every default filled in; `client` is
 * the provider's, whose token the stream uses unless `events.token` is given.
 */
export function resolveEventsOptions(
  events: string | EventsOptions,
  client: Pick<Kirim, 'token'>,
): ConnectionOptions {
  const options: EventsOptions = typeof events === 'string' ? { url: events } : events
  const token = options.token
  return {
    url: options.url,
    token: token === undefined ? clientToken(client) : async () => token(),
    fetch: options.fetch,
    retryDelay: options.retryDelay ?? defaultRetryDelay,
    heartbeatTimeout: options.heartbeatTimeout ?? HEARTBEAT_TIMEOUT,
  }
}
