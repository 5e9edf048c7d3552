import { safeParse } from 'valibot'
import type { ApiErrorDetails } from '../errors/ApiErrorDetails.ts'
import { ApiServerError } from '../errors/ApiServerError.ts'
import { AuthenticationError } from '../errors/AuthenticationError.ts'
import { ConflictError } from '../errors/ConflictError.ts'
import { InvalidRequestError } from '../errors/InvalidRequestError.ts'
import type { KirimError } from '../errors/KirimError.ts'
import { NotFoundError } from '../errors/NotFoundError.ts'
import { PermissionError } from '../errors/PermissionError.ts'
import { RateLimitError } from '../errors/RateLimitError.ts'
import { ApiErrorBodySchema } from '../schemas/index.ts'
import { parseJson } from './readResponse.ts'
import { parseRetryAfter } from './retry.ts'

type ApiErrorClass = new (
  message: string,
  details: ApiErrorDetails & { readonly retryAfter: number | undefined },
) => KirimError

// The class of each status, and the envelope type it carries (kirim-api.md, "Errors") for
// bodies that are not the envelope.
const byStatus: Readonly<Record<number, readonly [ApiErrorClass, string]>> = {
  401: [AuthenticationError, 'authentication_error'],
  403: [PermissionError, 'permission_error'],
  404: [NotFoundError, 'not_found'],
  409: [ConflictError, 'conflict'],
  429: [RateLimitError, 'rate_limit_error'],
}

/**
 * The error for a non-2xx response: the class by status, the details from the error envelope, or
 * (when the body is not the envelope: a gateway's HTML page, an empty body) from the status alone,
 * with code `http_<status>`.
 */
export const toApiError = (response: Response, text: string): KirimError => {
  const { status, statusText, headers } = response
  const json = parseJson(text)
  const body = json ? json.value : text
  const parsed = safeParse(ApiErrorBodySchema, body)
  const envelope = parsed.success ? parsed.output.error : undefined
  const [ErrorClass, type]: readonly [ApiErrorClass, string] =
    byStatus[status] ??
    (status >= 500 ? [ApiServerError, 'api_error'] : [InvalidRequestError, 'invalid_request_error'])
  const code = envelope?.code ?? `http_${status}`
  const param = envelope?.param ?? undefined
  const requestId = envelope?.request_id ?? headers.get('x-request-id') ?? undefined
  const said =
    envelope?.message ??
    `Kirim answered ${status}${statusText ? ` ${statusText}` : ''} without an error body`
  const context = [`HTTP ${status}`, code, param && `param ${param}`, requestId].filter(Boolean)
  const retryAfter = parseRetryAfter(headers.get('retry-after'))
  return new ErrorClass(`${said} (${context.join(', ')})`, {
    status,
    type: envelope?.type ?? type,
    code,
    param,
    requestId,
    raw: body,
    // Read by RateLimitError only.
    retryAfter: retryAfter === undefined ? undefined : Math.ceil(retryAfter / 1000),
  })
}
