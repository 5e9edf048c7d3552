import * as v from 'valibot'
import { ApiServerError } from '../errors/ApiServerError.ts'
import { AuthenticationError } from '../errors/AuthenticationError.ts'
import { ConflictError } from '../errors/ConflictError.ts'
import { InvalidRequestError } from '../errors/InvalidRequestError.ts'
import type { KirimError } from '../errors/KirimError.ts'
import { NotFoundError } from '../errors/NotFoundError.ts'
import { PermissionError } from '../errors/PermissionError.ts'
import { RateLimitError } from '../errors/RateLimitError.ts'
import { ApiErrorBodySchema } from '../schemas/index.ts'
import { parseRetryAfter } from './retry.ts'

// The envelope type each status carries (kirim-api.md, "Errors"), for bodies that are not the envelope.
const typeOf = (status: number): string => {
  if (status === 401) return 'authentication_error'
  if (status === 403) return 'permission_error'
  if (status === 404) return 'not_found'
  if (status === 409) return 'conflict'
  if (status === 429) return 'rate_limit_error'
  if (status >= 500) return 'api_error'
  return 'invalid_request_error'
}

/**
 * The error for a non-2xx response: the class by status, the details from the error envelope, or
 * (when the body is not the envelope: a gateway's HTML page, an empty body) from the status alone,
 * with code `http_<status>`.
 */
export const toApiError = (response: Response, body: unknown): KirimError => {
  const { status } = response
  const parsed = v.safeParse(ApiErrorBodySchema, body)
  const envelope = parsed.success ? parsed.output.error : undefined
  const code = envelope?.code ?? `http_${status}`
  const param = envelope?.param ?? undefined
  const requestId = envelope?.request_id ?? response.headers.get('x-request-id') ?? undefined
  const details = {
    status,
    type: envelope?.type ?? typeOf(status),
    code,
    param,
    requestId,
    raw: body,
  }
  const said =
    envelope?.message ??
    `Kirim answered ${status}${response.statusText ? ` ${response.statusText}` : ''} without an error body`
  const message = `${said} (${[`HTTP ${status}`, code, param && `param ${param}`, requestId]
    .filter(Boolean)
    .join(', ')})`

  if (status === 401) return new AuthenticationError(message, details)
  if (status === 403) return new PermissionError(message, details)
  if (status === 404) return new NotFoundError(message, details)
  if (status === 409) return new ConflictError(message, details)
  if (status === 429) {
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'))
    return new RateLimitError(message, {
      ...details,
      retryAfter: retryAfter === undefined ? undefined : Math.ceil(retryAfter / 1000),
    })
  }
  if (status >= 500) return new ApiServerError(message, details)
  return new InvalidRequestError(message, details)
}
