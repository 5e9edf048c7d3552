/**
 * The rate-limit state Kirim reported on the most recent response (`X-RateLimit-*` headers).
 * Reads (GET) and writes (POST) have separate buckets, so this describes the bucket of whichever
 * call answered last.
 */
export interface RateLimit {
  /** Requests allowed per minute in this bucket (`X-RateLimit-Limit`). */
  readonly limit: number
  /** Requests left in the current window (`X-RateLimit-Remaining`). */
  readonly remaining: number
  /** When the bucket is full again (`X-RateLimit-Reset`, epoch seconds). */
  readonly reset: Date
}

const count = (value: string | null): number | undefined =>
  value !== null && /^\s*\d+\s*$/.test(value) ? Number(value) : undefined

/** The `X-RateLimit-*` headers, or `undefined` unless all three are present and numeric. */
export const readRateLimit = (headers: Headers): RateLimit | undefined => {
  const limit = count(headers.get('x-ratelimit-limit'))
  const remaining = count(headers.get('x-ratelimit-remaining'))
  const reset = count(headers.get('x-ratelimit-reset'))
  if (limit === undefined || remaining === undefined || reset === undefined) return undefined
  return Object.freeze({ limit, remaining, reset: new Date(reset * 1000) })
}
