import { ApiError } from '../errors/api-error.ts'
import { type ApiResult, errorResult } from '../http/result.ts'
import { fingerprint } from '../idempotency/fingerprint.ts'
import { checkIdempotencyKey } from '../idempotency/idempotency-gate.ts'
import type { ApiCall } from './api-call.ts'

/**
 * Runs a write once per `Idempotency-Key` (when the header is sent): applies injected
 * latency while holding the key, turns `ApiError`s into answers (so 4xx answers are kept
 * and replayed), and marks the answer with `Idempotent-Replayed`.
 */
export async function idempotent(
  call: ApiCall,
  body: { readonly value: unknown },
  process: (idempotencyKey: string | null) => ApiResult,
): Promise<ApiResult> {
  const { context, request, requestId } = call
  const header = request.headers.get('idempotency-key')
  const key = header === null ? null : checkIdempotencyKey(header)

  const run = async (): Promise<ApiResult> => {
    await context.sleeper.sleep(call.latencyMs)
    try {
      return process(key)
    } catch (error) {
      if (error instanceof ApiError) return errorResult(error, requestId)
      throw error
    }
  }
  if (key === null) return run()

  const print = fingerprint(request.method, call.url.pathname, body.value)
  const organizationId = call.key!.organization.id
  const { result, replayed } = await context.idempotency.run(organizationId, key, print, run)
  return { ...result, headers: { ...result.headers, 'Idempotent-Replayed': String(replayed) } }
}
