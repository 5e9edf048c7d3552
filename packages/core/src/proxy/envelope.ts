/**
 * The proxy's own answers, in the Kirim API's error envelope so that `@kirim/core` maps them to
 * the same typed errors as the API's: `{ error: { type, code, message, param?, request_id } }`
 * with the id repeated in `X-Request-Id`.
 */

/** One problem with a request body, as listed in a `validation_failed` envelope. */
export interface EnvelopeIssue {
  readonly path: string
  readonly message: string
}

/** An error answer of the proxy, before it becomes a `Response`. */
export interface ProxyErrorInit {
  readonly status: number
  readonly type: ProxyErrorType
  readonly code: string
  /** Safe to show to the browser: never secrets, never upstream request details. */
  readonly message: string
  readonly param?: string | undefined
  readonly issues?: readonly EnvelopeIssue[] | undefined
  readonly headers?: Record<string, string> | undefined
}

/** The `type` values of the Kirim error envelope the proxy answers with. */
export type ProxyErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found'
  | 'api_error'

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** A fresh `req_…` id in Kirim's shape: `req_` and 26 Crockford base32 characters (ULID-like). */
export function newRequestId(): string {
  // A ULID: 48 bits of milliseconds then 80 random bits, so ids sort by time like Kirim's.
  const chars: string[] = []
  let time = Date.now()
  for (let i = 9; i >= 0; i--) {
    chars[i] = CROCKFORD[time % 32]!
    time = Math.floor(time / 32)
  }
  const random = crypto.getRandomValues(new Uint8Array(16))
  for (let i = 0; i < 16; i++) chars.push(CROCKFORD[random[i]! % 32]!)
  return `req_${chars.join('')}`
}

/** A JSON response with the headers every proxy answer carries. */
export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...headers,
    },
  })
}

/** An error answer in the Kirim envelope, with a fresh request id. */
export function errorResponse(init: ProxyErrorInit): Response {
  const requestId = newRequestId()
  const error: Record<string, unknown> = {
    type: init.type,
    code: init.code,
    message: init.message,
  }
  if (init.param !== undefined) error.param = init.param
  if (init.issues !== undefined) error.issues = init.issues
  error.request_id = requestId
  return jsonResponse(init.status, { error }, { ...init.headers, 'X-Request-Id': requestId })
}

/** The answer to an unexpected error: 500, without details (those go to `onError`). */
export function internalError(): Response {
  return errorResponse({
    status: 500,
    type: 'api_error',
    code: 'internal_error',
    message: 'The proxy failed to handle this request.',
  })
}
