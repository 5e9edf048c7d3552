import { KirimError } from './KirimError.ts'

/**
 * Thrown when Kirim rejects the request itself: HTTP 400 (`invalid_phone_number`,
 * `missing_required_field` with `param`, `invalid_cursor` …), 422 (`idempotency_key_reuse`,
 * `whatsapp_number_not_verified`, `from_required` …) and any other 4xx without a class of its
 * own (405, 413, 415 …). Retrying the same request gives the same answer: fix it first.
 *
 * Most of these never reach the network: the SDK checks the documented rules first and throws
 * `ValidationError`. What remains are rules only the server can judge (which numbers your
 * organisation owns, an idempotency key reused with a different body).
 *
 * @example
 * catch (error) {
 *   if (error instanceof InvalidRequestError && error.code === 'from_required') {
 *     // the organisation has several numbers: pass `from`
 *   }
 * }
 */
export class InvalidRequestError extends KirimError {
  override name = 'InvalidRequestError'
  declare readonly status: number
}
