import { type ApiResult, jsonResult } from '../http/result.ts'
import type { ApiCall } from './api-call.ts'

/** `GET /v1/health`: no key needed. */
export async function getHealth(call: ApiCall): Promise<ApiResult> {
  await call.context.sleeper.sleep(call.latencyMs)
  return jsonResult(200, { data: { status: 'ok' }, request_id: call.requestId }, call.requestId)
}
