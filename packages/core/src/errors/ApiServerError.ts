import { KirimError } from './KirimError.ts'

/**
 * Thrown on HTTP 5xx (`internal_error`, `whatsapp_upstream_error`, or a gateway's own 502/503/504)
 * once the retries are used up. Each attempt was retried with backoff (honouring `Retry-After`);
 * a send kept its `Idempotency-Key` throughout, so calling `send` again with the same
 * `idempotencyKey` can never deliver the message twice.
 */
export class ApiServerError extends KirimError {
  override name = 'ApiServerError'
  declare readonly status: number
}
