import { type ApiErrorType, ERROR_CODES, type ErrorCode } from './error-codes.ts'

export type { ApiErrorType } from './error-codes.ts'

/**
 * What an `ApiError` is made of. The status and type follow from the code
 * ({@link ERROR_CODES}); a call site may still spell them out, and the types make it agree.
 */
export type ApiErrorInit = {
  readonly [C in ErrorCode]: {
    readonly code: C
    readonly message: string
    readonly param?: string | undefined
    readonly headers?: Readonly<Record<string, string>> | undefined
    readonly status?: (typeof ERROR_CODES)[C]['status']
    readonly type?: (typeof ERROR_CODES)[C]['type']
  }
}[ErrorCode]

/**
 * An HTTP error answer. Handlers throw it; the pipeline renders the envelope
 * `{ error: { type, code, message, param?, request_id } }`.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  readonly status: number
  readonly type: ApiErrorType
  readonly code: ErrorCode
  readonly param: string | undefined
  readonly headers: Readonly<Record<string, string>>

  constructor(init: ApiErrorInit) {
    super(init.message)
    this.status = ERROR_CODES[init.code].status
    this.type = ERROR_CODES[init.code].type
    this.code = init.code
    this.param = init.param
    this.headers = init.headers ?? {}
  }
}

export const invalidField = (param: string | undefined, message: string): ApiError =>
  new ApiError({ code: 'invalid_field_value', param, message })

export const missingField = (param: string): ApiError =>
  new ApiError({ code: 'missing_required_field', param, message: `${param} is required.` })

export const notFound = (message: string): ApiError =>
  new ApiError({ code: 'resource_not_found', message })

export const internalError = (message: string): ApiError =>
  new ApiError({ code: 'internal_error', message })
