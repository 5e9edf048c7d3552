import type { ApiCall } from '../api/api-call.ts'
import { notFound } from '../errors/api-error.ts'
import { type ApiResult, jsonResult } from '../http/result.ts'

/** `GET /v1/messages/{id}`: unknown ids and other organisations' ids are 404. */
export async function getMessage(call: ApiCall, id: string): Promise<ApiResult> {
  await call.context.sleeper.sleep(call.latencyMs)
  const record = call.context.store.getMessage(id)
  if (record === undefined || record.organizationId !== call.key!.organization.id) {
    throw notFound(`No message with id "${id}" exists in this organisation.`)
  }
  return jsonResult(200, { data: record.message, request_id: call.requestId }, call.requestId)
}
