import type { ApiResult } from '../http/result.ts'
import { OPENAPI_DOCUMENT } from '../openapi/document.ts'
import type { ApiCall } from './api-call.ts'

// Serialised once: the document never changes while the emulator runs.
const BODY = JSON.stringify(OPENAPI_DOCUMENT)

/** `GET /v1/openapi.json`: no key needed. */
export async function getOpenApi(call: ApiCall): Promise<ApiResult> {
  await call.context.sleeper.sleep(call.latencyMs)
  return { status: 200, body: BODY, headers: {}, requestId: call.requestId }
}
