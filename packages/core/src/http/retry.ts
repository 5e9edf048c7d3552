// When and how long to wait before another attempt.

/** The first retry waits up to this long; each later one up to twice the previous. */
export const backoffBaseMs = 500
/** No backoff wait is longer than this. */
export const backoffCapMs = 8000
/**
 * The longest `Retry-After` the client sleeps through. A server asking for more is answered
 * with the error at once, so the caller (who knows whether a minute-long stall is acceptable)
 * decides; `RateLimitError.retryAfter` says how long it asked for.
 */
export const maxRetryAfterMs = 60_000

/** The ceiling of the wait before retry number `retry` (1 for the first): 500 ms, 1 s, 2 s … 8 s. */
export const backoffCeiling = (retry: number): number =>
  Math.min(backoffCapMs, backoffBaseMs * 2 ** Math.max(0, retry - 1))

/** Full jitter: a uniform wait between 0 and the ceiling, so clients that failed together spread out. */
export const backoffDelay = (retry: number): number => Math.random() * backoffCeiling(retry)

/**
 * `Retry-After` as milliseconds from now: delay-seconds (`"2"`) or an HTTP date. `undefined`
 * when absent or unreadable; a date in the past is 0.
 */
export const parseRetryAfter = (
  value: string | null,
  now: number = Date.now(),
): number | undefined => {
  if (value === null) return undefined
  const trimmed = value.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000
  // An HTTP date names its weekday and month; anything else (`-1`, `2026`) is unreadable, not a year.
  const date = /[a-z]{3}/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/**
 * Whether a response status is worth another attempt: 408, 429 and every 5xx. 409 only when the
 * body says `idempotency_in_progress` (the first request with this key is still running); the
 * caller checks that, because it needs the body.
 */
export const isRetryableStatus = (status: number): boolean =>
  status === 408 || status === 429 || (status >= 500 && status <= 599)

/**
 * Milliseconds to wait before retry number `retry` of an error response, or `undefined` when it
 * is not retried: the wait `Retry-After` asks for (up to 60 s), else full-jitter backoff. A 409 is
 * retried only when its `code` says the first request with this key is still running.
 */
export const retryDelay = (response: Response, code: string, retry: number): number | undefined => {
  const { status } = response
  if (!isRetryableStatus(status) && !(status === 409 && code === 'idempotency_in_progress')) {
    return undefined
  }
  const asked = parseRetryAfter(response.headers.get('retry-after'))
  if (asked === undefined) return backoffDelay(retry)
  return asked <= maxRetryAfterMs ? asked : undefined
}
