import type { ApiCall } from '../api/api-call.ts'
import { ApiError, invalidField } from '../errors/api-error.ts'
import { singleParam } from '../http/query-param.ts'
import { type ApiResult, jsonResult } from '../http/result.ts'
import type { TemplateStatus } from '../options.ts'
import { LANGUAGE_CODE } from '../validation/template.ts'

const STATUSES: readonly TemplateStatus[] = [
  'approved',
  'pending',
  'rejected',
  'paused',
  'disabled',
]
const DEFAULT_LIMIT = 25
const MAX_LIMIT = 100

function parseLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_LIMIT
  const limit = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN
  if (!(limit >= 1 && limit <= MAX_LIMIT)) {
    throw new ApiError({
      status: 400,
      type: 'invalid_request_error',
      code: 'invalid_limit',
      param: 'limit',
      message: `limit must be a whole number from 1 to ${MAX_LIMIT} (got "${value}").`,
    })
  }
  return limit
}

/**
 * `GET /v1/templates`: filters `status`, `language`, `name` (exact), `limit` 1–100
 * (default 25), and an opaque signed `cursor` bound to the filters it was issued for.
 */
export async function listTemplates(call: ApiCall): Promise<ApiResult> {
  await call.context.sleeper.sleep(call.latencyMs)
  const params = call.url.searchParams
  const limit = parseLimit(singleParam(params, 'limit'))
  const status = singleParam(params, 'status')
  if (status !== undefined && !(STATUSES as readonly string[]).includes(status)) {
    throw invalidField('status', `status must be one of ${STATUSES.join(', ')} (got "${status}").`)
  }
  const language = singleParam(params, 'language')
  if (language !== undefined && !LANGUAGE_CODE.test(language)) {
    throw invalidField(
      'language',
      `language must be a code such as "id_ID" or "en_US" (got "${language}").`,
    )
  }
  const name = singleParam(params, 'name')
  if (name !== undefined && !/^[a-z0-9_]{1,512}$/.test(name)) {
    throw invalidField('name', 'name must be 1–512 lowercase letters, digits or underscores.')
  }
  const filters = JSON.stringify([status ?? null, language ?? null, name ?? null])
  const cursor = singleParam(params, 'cursor')
  const offset = cursor === undefined ? 0 : await call.context.cursors.decode(cursor, filters)

  const matching = call.context.templates.filter(
    (template) =>
      (status === undefined || template.status === status) &&
      (language === undefined || template.language === language) &&
      (name === undefined || template.name === name),
  )
  const data = matching.slice(offset, offset + limit)
  const hasMore = offset + limit < matching.length
  const nextCursor = hasMore ? await call.context.cursors.encode(offset + limit, filters) : null
  return jsonResult(
    200,
    { data, has_more: hasMore, next_cursor: nextCursor, request_id: call.requestId },
    call.requestId,
  )
}
