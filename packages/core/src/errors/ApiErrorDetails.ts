/** What every error built from a Kirim API response carries, besides its message. */
export interface ApiErrorDetails {
  /** The HTTP status of the response. */
  readonly status: number
  /** The envelope's `type` (`invalid_request_error` …), or the type the status implies when the body is not the envelope. */
  readonly type: string
  /** The envelope's `code`, or `http_<status>` when the body is not the envelope. */
  readonly code: string
  /** The request field the error is about, when the API names one. */
  readonly param?: string | undefined
  /** The `req_…` id, from the envelope or the `X-Request-Id` header. */
  readonly requestId?: string | undefined
  /** The parsed response body (the text, when it was not JSON). */
  readonly raw?: unknown
}
