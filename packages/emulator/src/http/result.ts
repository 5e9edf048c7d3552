import type { ApiError } from '../errors/api-error.ts'

/**
 * An answer before it becomes a `Response`: the body is kept as text so an idempotent
 * replay can send it back byte for byte.
 */
export interface ApiResult {
  readonly status: number
  readonly body: string
  readonly headers: Readonly<Record<string, string>>
  /** The id in the body's `request_id` (differs from this request's on a replay). */
  readonly requestId: string
  /**
   * Set on a send's 202: the message whose acceptance the body shows. An idempotency record
   * then keeps this id instead of the body, and renders the body again on replay.
   */
  readonly messageId?: string
}

/** A JSON answer. */
export const jsonResult = (
  status: number,
  value: unknown,
  requestId: string,
  headers: Readonly<Record<string, string>> = {},
): ApiResult => ({ status, body: JSON.stringify(value), headers, requestId })

/** The error envelope `{ error: { type, code, message, param?, request_id } }`. */
export const errorResult = (error: ApiError, requestId: string): ApiResult =>
  jsonResult(
    error.status,
    {
      error: {
        type: error.type,
        code: error.code,
        message: error.message,
        ...(error.param === undefined ? {} : { param: error.param }),
        request_id: requestId,
      },
    },
    requestId,
    error.headers,
  )

/** Turns a result into a `Response`; HEAD answers carry the headers and no body. */
export function toResponse(
  result: ApiResult,
  method: string,
  extraHeaders: Readonly<Record<string, string>> = {},
): Response {
  const headers = new Headers({ 'Content-Type': 'application/json; charset=utf-8' })
  for (const [name, value] of Object.entries(result.headers)) headers.set(name, value)
  for (const [name, value] of Object.entries(extraHeaders)) headers.set(name, value)
  headers.set('X-Request-Id', result.requestId)
  const noBody = method === 'HEAD' || result.status === 204 || result.status === 304
  return new Response(noBody ? null : result.body, { status: result.status, headers })
}
