import { type ApiResult, jsonResult } from '../http/result.ts'
import type { ApiCall } from './api-call.ts'

/** `GET /v1/me`: the organisation, the key used, and the rate limits. */
export async function getMe(call: ApiCall): Promise<ApiResult> {
  await call.context.sleeper.sleep(call.latencyMs)
  const key = call.key!
  const { organization } = key
  const limits =
    organization.limits === false
      ? { writesPerMinute: 600, readsPerMinute: 6000 }
      : organization.limits
  return jsonResult(
    200,
    {
      data: {
        organization: { id: organization.id, object: 'organization', name: organization.name },
        api_key: { id: key.id, object: 'api_key', label: key.label, last4: key.secret.slice(-4) },
        rate_limits: {
          tier: organization.tier,
          write_per_minute: limits.writesPerMinute,
          read_per_minute: limits.readsPerMinute,
        },
      },
      request_id: call.requestId,
    },
    call.requestId,
  )
}
