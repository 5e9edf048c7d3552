/** The `type` of an API error envelope (kirim-api.md, "Errors"). */
export type ApiErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found'
  | 'conflict'
  | 'rate_limit_error'
  | 'api_error'

export interface ApiErrorInit {
  readonly status: number
  readonly type: ApiErrorType
  readonly code: string
  readonly message: string
  readonly param?: string | undefined
  readonly headers?: Readonly<Record<string, string>> | undefined
}

/**
 * An HTTP error answer. Handlers throw it; the pipeline renders the envelope
 * `{ error: { type, code, message, param?, request_id } }`.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  readonly status: number
  readonly type: ApiErrorType
  readonly code: string
  readonly param: string | undefined
  readonly headers: Readonly<Record<string, string>>

  constructor(init: ApiErrorInit) {
    super(init.message)
    this.status = init.status
    this.type = init.type
    this.code = init.code
    this.param = init.param
    this.headers = init.headers ?? {}
  }
}

export const invalidField = (param: string | undefined, message: string): ApiError =>
  new ApiError({
    status: 400,
    type: 'invalid_request_error',
    code: 'invalid_field_value',
    param,
    message,
  })

export const missingField = (param: string): ApiError =>
  new ApiError({
    status: 400,
    type: 'invalid_request_error',
    code: 'missing_required_field',
    param,
    message: `${param} is required.`,
  })

export const notFound = (message: string): ApiError =>
  new ApiError({ status: 404, type: 'not_found', code: 'resource_not_found', message })

export const internalError = (message: string): ApiError =>
  new ApiError({ status: 500, type: 'api_error', code: 'internal_error', message })
