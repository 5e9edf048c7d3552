// What one answer says about the write bucket, with its times on the local clock.
import type { SendManyPort } from './port.ts'

/**
 * How long a 429 that names no wait (no `Retry-After`, no `X-RateLimit-Reset`) holds the
 * broadcast: the lowest tier, 60 writes a minute, gives a token back every second.
 */
export const UNSAID_429_WAIT_MS = 1000

/** The bucket as an answered attempt left it. */
export interface BucketReading {
  readonly refused: false
  /** Writes left (`X-RateLimit-Remaining`). */
  readonly remaining: number
  /** Writes the bucket holds when full (`X-RateLimit-Limit`). */
  readonly limit: number
  /** Local time at which the bucket is full again (`X-RateLimit-Reset`). */
  readonly refillAt: number
}

/** A 429: no write goes through before `until` (local time). */
export interface Refusal {
  readonly refused: true
  readonly until: number
}

/** What `readPacing` needs of the client: its one reading of each header. */
export type PacingPort = Pick<SendManyPort, 'readRateLimit' | 'parseRetryAfter'>

/**
 * Reads the pacing headers of an answer received at `receivedAt` (local clock), or `undefined`
 * when it carries none.
 *
 * Kirim's times are epoch seconds on Kirim's clock. They become local times through the
 * answer's `Date` header (Kirim's clock when it answered), so a local clock that is off by
 * minutes still paces right: `refillAt = receivedAt + (reset − date)`. `Date` has whole seconds
 * and is cut, not rounded, so this errs late by under a second, never early. Without `Date` (a
 * browser reading a cross-origin answer that does not expose it) the local clock stands in for
 * Kirim's.
 */
export const readPacing = (
  { readRateLimit, parseRetryAfter }: PacingPort,
  response: Response,
  receivedAt: number,
): BucketReading | Refusal | undefined => {
  const { headers } = response
  const date = Date.parse(headers.get('date') ?? '')
  const serverNow = Number.isNaN(date) ? receivedAt : date
  const local = (serverTime: number) => receivedAt + (serverTime - serverNow)
  const bucket = readRateLimit(headers)
  if (response.status === 429) {
    const asked = parseRetryAfter(headers.get('retry-after'), serverNow)
    const until =
      asked !== undefined
        ? receivedAt + asked
        : bucket
          ? local(bucket.reset.getTime())
          : receivedAt + UNSAID_429_WAIT_MS
    return { refused: true, until }
  }
  if (!bucket) return undefined
  return {
    refused: false,
    remaining: bucket.remaining,
    limit: bucket.limit,
    refillAt: local(bucket.reset.getTime()),
  }
}
