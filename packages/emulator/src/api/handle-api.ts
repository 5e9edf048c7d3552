import { authenticate } from '../auth/authenticate.ts'
import type { EmulatorContext } from '../context.ts'
import { ApiError, internalError } from '../errors/api-error.ts'
import { ConnectionDroppedError } from '../errors/connection-dropped.ts'
import { faultError } from '../faults/fault-registry.ts'
import { type ApiResult, errorResult, toResponse } from '../http/result.ts'
import { bucketKind, rateLimitHeaders } from '../rate-limit/rate-limiter.ts'
import { matchRoute } from './routes.ts'

const ANONYMOUS = 'anonymous'

// `Date` on the emulator's clock, like `X-RateLimit-Reset`: a client that reads the reset against
// the server's time (as `sendMany` does) then paces right under a manual or advanced clock too.
const clockHeaders = (state: Parameters<typeof rateLimitHeaders>[0], now: number) => ({
  ...rateLimitHeaders(state),
  Date: new Date(now).toUTCString(),
})

/**
 * The `/v1/` pipeline: route, authenticate, take a rate-limit token, apply any injected
 * fault, run the handler. Every answer carries `X-RateLimit-*`.
 */
export async function handleApi(
  context: EmulatorContext,
  request: Request,
  url: URL,
  requestId: string,
): Promise<Response> {
  const method = request.method.toUpperCase()
  const route = matchRoute(url.pathname, method)
  const authentication = authenticate(context.directory, request.headers)
  const kind = bucketKind(method)
  const now = context.time.now()
  const fallbackLimits = context.directory.defaultOrganization.limits

  if (!authentication.ok && !route.public) {
    await request.body?.cancel().catch(() => {})
    const state = context.limiter.take(ANONYMOUS, kind, fallbackLimits, now, false)
    return toResponse(
      errorResult(authentication.error, requestId),
      method,
      clockHeaders(state, now),
    )
  }
  const key = authentication.ok ? authentication.key : undefined
  const organization = key?.organization
  // Public routes (health, the OpenAPI document) report the bucket but never spend it.
  const state = context.limiter.take(
    organization?.id ?? ANONYMOUS,
    kind,
    organization?.limits ?? fallbackLimits,
    now,
    !route.public,
  )
  const rateHeaders = clockHeaders(state, now)
  const fail = async (error: ApiError): Promise<Response> => {
    await request.body?.cancel().catch(() => {})
    return toResponse(errorResult(error, requestId), method, rateHeaders)
  }

  if (!state.allowed) {
    return fail(
      new ApiError({
        code: 'rate_limit_exceeded',
        message: `Too many ${kind} requests for this organisation (${state.limit} a minute). Retry after ${state.retryAfter} s.`,
        headers: { 'Retry-After': String(state.retryAfter) },
      }),
    )
  }
  if (route.kind === 'not_found') {
    return fail(
      new ApiError({
        code: 'resource_not_found',
        message: `No route ${method} ${url.pathname}.`,
      }),
    )
  }
  if (route.kind === 'method_not_allowed') {
    return fail(
      new ApiError({
        code: 'method_not_allowed',
        message: `${method} is not allowed on ${url.pathname}; use ${route.allow}.`,
        headers: { Allow: route.allow },
      }),
    )
  }

  let fault: ReturnType<typeof context.faults.pick>
  try {
    fault = context.faults.pick(method, url.pathname, request.headers)
  } catch (error) {
    if (error instanceof ApiError) return fail(error)
    throw error
  }
  if (fault?.kind === '500' || fault?.kind === '503' || fault?.kind === '429')
    return fail(faultError(fault))
  if (fault?.kind === 'drop_before') {
    await request.body?.cancel().catch(() => {})
    throw new ConnectionDroppedError('drop_before')
  }

  let result: ApiResult
  try {
    result = await route.run({
      context,
      request,
      url,
      requestId,
      key,
      latencyMs: fault?.kind === 'latency' ? fault.latencyMs : 0,
    })
  } catch (error) {
    if (!(error instanceof ApiError)) console.error('[kirim-emulator] handler failed:', error)
    result = errorResult(
      error instanceof ApiError ? error : internalError('Unexpected emulator error.'),
      requestId,
    )
  }
  if (fault?.kind === 'drop_after') throw new ConnectionDroppedError('drop_after')
  return toResponse(result, method, rateHeaders)
}
