/**
 * The proxy's error catalogue: every code it answers with, its HTTP status, the `type` of
 * Kirim's envelope and a default message, in one table. Every refusal goes through
 * {@link refuse}, so `@kirim/core` maps the proxy's answers to the same typed errors as the
 * API's: `{ error: { type, code, message, param?, issues?, request_id } }`, the id repeated in
 * `X-Request-Id`. The package README lists the table; a test keeps the two equal.
 */
import type { ValidationIssue } from '../errors/ValidationError.ts'
import { IDEMPOTENCY_KEY_RULE } from '../schemas/rules.ts'
import type { WebhookVerificationReason } from '../webhooks/index.ts'
import { jsonResponse, newRequestId } from './response.ts'

/** The `type` values of the Kirim error envelope the proxy answers with. */
export type ProxyErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found'
  | 'api_error'

/** One row of the catalogue. */
export interface ProxyErrorEntry {
  readonly status: number
  readonly type: ProxyErrorType
  /** Safe to show to the browser: never secrets, never upstream request details. */
  readonly message: string
}

const invalid = (status: number, message: string) =>
  ({ status, type: 'invalid_request_error', message }) as const
const unauthenticated = (message: string) =>
  ({ status: 401, type: 'authentication_error', message }) as const
const forbidden = (message: string) => ({ status: 403, type: 'permission_error', message }) as const
const notFound = (message: string) => ({ status: 404, type: 'not_found', message }) as const
const failed = (status: number, message: string) =>
  ({ status, type: 'api_error', message }) as const

/** Every error the proxy answers with itself, by code. */
export const PROXY_ERRORS = {
  invalid_path: invalid(400, 'The path has encoded characters, dot segments or empty segments.'),
  invalid_request_target: invalid(
    400,
    'The request target names another host than the Host header.',
  ),
  invalid_json: invalid(400, 'The body is not valid UTF-8 JSON.'),
  validation_failed: invalid(400, 'The message breaks a rule of the Kirim API.'),
  invalid_idempotency_key: invalid(400, `Idempotency-Key must be ${IDEMPOTENCY_KEY_RULE}.`),
  // `POST /webhooks`: `verifyWebhook`'s reasons.
  missing_signature: invalid(400, 'The X-Kirim-Signature header is missing.'),
  malformed_signature: invalid(400, 'The X-Kirim-Signature header is malformed.'),
  timestamp_outside_tolerance: invalid(400, 'The signature timestamp is outside the tolerance.'),
  signature_mismatch: invalid(400, 'The signature does not match.'),
  invalid_payload: invalid(400, 'The body is not a valid event.'),
  not_authorized: unauthenticated('This request may not obtain a token.'),
  // The token failures of `token.ts` (RFC 6750's `invalid_token`, but for `missing_token`).
  missing_token: unauthenticated(
    'Send the token from POST /token as "Authorization: Bearer <token>".',
  ),
  malformed_token: unauthenticated('The Authorization header must be "Bearer <token>".'),
  token_expired: unauthenticated('The token has expired.'),
  token_algorithm_not_allowed: unauthenticated('The token must be signed with HS256.'),
  token_key_unknown: unauthenticated(
    'The token was signed with a key this proxy does not hold (or no longer holds).',
  ),
  token_signature_invalid: unauthenticated('The token signature does not match.'),
  token_claims_invalid: unauthenticated('The token is not a proxy token.'),
  // The scope violations of `scope.ts`.
  scope_type_forbidden: forbidden('This token may not send this type of message.'),
  scope_recipient_forbidden: forbidden('This token may not send to this recipient.'),
  scope_sender_forbidden: forbidden('This token may not send from this number.'),
  scope_template_forbidden: forbidden('This token may not send this template.'),
  // 403, not 429: the SDK retries a 429, and more tokens' worth of sends will not come.
  quota_exceeded: forbidden('This token may send no more messages; get a new token to send more.'),
  origin_forbidden: forbidden('Cross-origin requests from this origin are not allowed.'),
  origin_required: forbidden('This request must carry an Origin header from an allowed origin.'),
  route_not_found: notFound('The proxy does not serve this path.'),
  // Also for a message of another subject: ids of others are not confirmed.
  resource_not_found: notFound('No such message.'),
  method_not_allowed: invalid(405, 'This method is not allowed here.'),
  request_too_large: invalid(413, 'The body is larger than 1 MiB.'),
  unsupported_media_type: invalid(
    415,
    'Send the message as JSON with "Content-Type: application/json".',
  ),
  // Details go to `onError`, never to the browser.
  internal_error: failed(500, 'The proxy failed to handle this request.'),
  upstream_unreachable: failed(502, 'The Kirim API could not be reached.'),
  // Passing upstream's 401 on would make the browser refresh a token that is fine.
  upstream_authentication_failed: failed(502, 'The Kirim API refused the proxy’s credentials.'),
  upstream_timeout: failed(504, 'The Kirim API did not answer in time.'),
} as const satisfies Readonly<Record<string, ProxyErrorEntry>> &
  Readonly<Record<Exclude<WebhookVerificationReason, 'missing_secret'>, ProxyErrorEntry>>

/** Every `code` the proxy answers with itself (Kirim's own codes pass through unchanged). */
export type ProxyErrorCode = keyof typeof PROXY_ERRORS

/** What a refusal may add to its row: a specific message, the field, issues, headers. */
export interface RefusalDetails {
  /** Instead of the row's message; as safe to show. */
  readonly message?: string | undefined
  readonly param?: string | undefined
  readonly issues?: readonly ValidationIssue[] | undefined
  readonly headers?: Readonly<Record<string, string>> | undefined
}

/** The answer for `code`, in Kirim's error envelope with a fresh request id. */
export function refuse(code: ProxyErrorCode, details: RefusalDetails = {}): Response {
  const { status, type, message } = PROXY_ERRORS[code]
  const requestId = newRequestId()
  const error: Record<string, unknown> = { type, code, message: details.message ?? message }
  if (details.param !== undefined) error.param = details.param
  if (details.issues !== undefined) error.issues = details.issues
  error.request_id = requestId
  return jsonResponse(status, { error }, { ...details.headers, 'X-Request-Id': requestId })
}
