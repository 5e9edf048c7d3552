import type { ApiErrorDetails } from './ApiErrorDetails.ts'
import { KirimError } from './KirimError.ts'

/**
 * Thrown on HTTP 429 (`rate_limit_exceeded`) once the retries are used up, or at once when the
 * server asks for a wait longer than the client is willing to sleep (`Retry-After` over 60 s).
 *
 * The client already waited as `Retry-After` asked between its attempts; `retryAfter` is the
 * wait the last response asked for, so you can schedule the next try.
 *
 * @example
 * catch (error) {
 *   if (error instanceof RateLimitError) queue.retryIn((error.retryAfter ?? 60) * 1000)
 * }
 */
export class RateLimitError extends KirimError {
  override name = 'RateLimitError'
  declare readonly status: number
  /** Seconds to wait before the next request, from `Retry-After` (seconds or an HTTP date); `undefined` when the response did not say. */
  declare readonly retryAfter: number | undefined

  constructor(
    message: string,
    details: ApiErrorDetails & { readonly retryAfter?: number | undefined },
  ) {
    super(message, details)
    this.retryAfter = details.retryAfter
  }
}
