import { KirimError } from './KirimError.ts'

/**
 * Thrown on HTTP 409 once the retries are used up. The one documented case,
 * `idempotency_in_progress`, means another request with the same `Idempotency-Key` is still
 * running: the client retries it with backoff (the first request's answer is then replayed),
 * so you only see this error when that request outlasted every retry. Calling again with the
 * same key is safe. Any other 409 is thrown at once.
 */
export class ConflictError extends KirimError {
  override name = 'ConflictError'
  declare readonly status: number
}
