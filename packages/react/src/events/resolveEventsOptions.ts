import type { Kirim } from '@kirim/core'
import type { EventsOptions } from './EventsOptions.ts'
import type { StatusStreamOptions } from './StatusStream.ts'

const MAX_RETRY_DELAY = 30_000

/** The default `retryDelay`: the proxy's `retry` doubled per failed attempt, capped, ±20 % jitter. */
export const defaultRetryDelay = (attempt: number, serverRetry: number): number =>
  Math.min(serverRetry * 2 ** attempt, MAX_RETRY_DELAY) * (0.8 + Math.random() * 0.4)

/**
 * `events` as the provider got it (a URL, or options), with every default filled in; `client` is
 * the provider's, whose token the stream uses unless `events.token` is given.
 */
export function resolveEventsOptions(
  events: string | EventsOptions,
  client: Pick<Kirim, 'token'>,
): StatusStreamOptions {
  const options: EventsOptions = typeof events === 'string' ? { url: events } : events
  const token = options.token
  return {
    url: options.url,
    token: token === undefined ? undefined : async () => token(),
    client,
    fetch: options.fetch,
    retryDelay: options.retryDelay ?? defaultRetryDelay,
    heartbeatTimeout: options.heartbeatTimeout ?? 45_000,
  }
}
