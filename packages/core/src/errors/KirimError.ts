/**
 * The base of every error `@kirim/core` throws, so one `instanceof KirimError` catches them all.
 *
 * Branch on `code` (stable, from the error catalogue), never on `message` (prose that may change).
 * The subclasses say what happened: `ValidationError` (nothing was sent), `InvalidRequestError`
 * (400, 422, other 4xx), `AuthenticationError` (401), `PermissionError` (403), `NotFoundError`
 * (404), `ConflictError` (409), `RateLimitError` (429), `ApiServerError` (5xx),
 * `ConnectionError` (no response: network, timeout, abort) and `InvalidResponseError` (a 2xx
 * body that breaks the contract). A message that failed to deliver is not an error: `send`
 * returns it with `status: 'failed'`.
 *
 * @example
 * try {
 *   await kirim.messages.send(body)
 * } catch (error) {
 *   if (error instanceof RateLimitError) await sleep((error.retryAfter ?? 60) * 1000)
 *   else if (error instanceof KirimError) console.error(error.code, error.requestId)
 *   else throw error
 * }
 */
export class KirimError extends Error {
  override name = 'KirimError'
  /** The HTTP status, when the error came from an HTTP response. */
  declare readonly status: number | undefined
  /** The error type of the envelope (`invalid_request_error`, `rate_limit_error` …). */
  declare readonly type: string
  /** The stable error code (`invalid_phone_number`, `idempotency_key_reuse` …). */
  declare readonly code: string
  /** The request field the error is about, when the API names one. */
  declare readonly param: string | undefined
  /** The `req_…` id of the request, to quote to Kirim's support. */
  declare readonly requestId: string | undefined
  /** The parsed response body (or the underlying cause) as it came, for anything not mapped above. */
  declare readonly raw: unknown

  constructor(
    message: string,
    details: {
      status?: number | undefined
      type: string
      code: string
      param?: string | undefined
      requestId?: string | undefined
      raw?: unknown
      cause?: unknown
    },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.status = details.status
    this.type = details.type
    this.code = details.code
    this.param = details.param
    this.requestId = details.requestId
    this.raw = details.raw
  }
}
