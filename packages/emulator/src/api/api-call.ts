import type { ApiKey } from '../auth/organization.ts'
import type { EmulatorContext } from '../context.ts'
import type { ApiResult } from '../http/result.ts'

/** One authenticated (or public) API request, as a route handler sees it. */
export interface ApiCall {
  readonly context: EmulatorContext
  readonly request: Request
  readonly url: URL
  readonly requestId: string
  /** Undefined only on public routes called without a key. */
  readonly key: ApiKey | undefined
  /** Injected latency, applied by the handler once it holds any idempotency lock. */
  readonly latencyMs: number
}

/** A route handler: returns the answer, or throws an `ApiError`. */
export type ApiHandler = (call: ApiCall) => Promise<ApiResult>
