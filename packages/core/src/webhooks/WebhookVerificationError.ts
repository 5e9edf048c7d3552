import { KirimError } from '../errors/KirimError.ts'

/**
 * Why a webhook delivery was refused, one code per check:
 *
 * - `missing_secret`: no secret (or an empty one) was given: a configuration error on your side.
 * - `missing_signature`: the request has no `X-Kirim-Signature` header.
 * - `malformed_signature`: the header is not `t=<unix seconds>,v1=<64 hex>[,v1=<64 hex>…]`.
 * - `timestamp_outside_tolerance`: `t` is more than `tolerance` seconds before or after now.
 * - `signature_mismatch`: no `v1` signature matches the body under any of the secrets.
 * - `invalid_payload`: the signature is valid but the body is not UTF-8 JSON, or not a valid
 *   event of its type.
 */
export type WebhookVerificationReason =
  | 'missing_secret'
  | 'missing_signature'
  | 'malformed_signature'
  | 'timestamp_outside_tolerance'
  | 'signature_mismatch'
  | 'invalid_payload'

/**
 * Thrown by `verifyWebhook` when a delivery cannot be trusted or understood. Branch on `reason`
 * (also in `code`); the message says what failed and never contains the secret or the
 * expected signature.
 *
 * Answer `400` for every reason but `missing_secret`: Kirim does not retry a 4xx other than
 * 408 and 429, and a forged or stale request should not be retried. Answer `500` for
 * `missing_secret`, so Kirim keeps retrying until the configuration is fixed.
 *
 * @example
 * try {
 *   const event = await verifyWebhook({ body, headers, secret })
 * } catch (error) {
 *   if (error instanceof WebhookVerificationError) {
 *     const status = error.reason === 'missing_secret' ? 500 : 400
 *     return new Response(error.reason, { status })
 *   }
 *   throw error
 * }
 */
export class WebhookVerificationError extends KirimError {
  override name = 'WebhookVerificationError'
  /** Which check failed. Same value as `code`. */
  readonly reason: WebhookVerificationReason

  constructor(reason: WebhookVerificationReason, message: string, options?: { cause?: unknown }) {
    super(message, {
      type: 'webhook_verification_error',
      code: reason,
      cause: options?.cause,
    })
    this.reason = reason
  }
}
