/**
 * One upstream call as every forwarding route makes it: an answer to pass on, or the 5xx to
 * answer instead (with the cause reported to `onError`).
 */
import type { ProxyContext } from '../context.ts'
import {
  callUpstream,
  type UpstreamAnswer,
  type UpstreamCall,
  UpstreamFailure,
  upstreamError,
  upstreamRequestId,
} from '../forward.ts'
import type { RouteName } from '../routes.ts'

/**
 * Upstream's answer to pass on, or the proxy's own 5xx answer when there is none worth passing
 * on; `delivered` says whether upstream may have acted on the request.
 */
export type UpstreamOutcome =
  | { readonly ok: true; readonly answer: UpstreamAnswer }
  | { readonly ok: false; readonly response: Response; readonly maybeDelivered: boolean }

/** Calls upstream for a route. */
export async function askUpstream(
  context: ProxyContext,
  call: UpstreamCall,
  route: RouteName,
): Promise<UpstreamOutcome> {
  let answer: UpstreamAnswer
  try {
    answer = await callUpstream(context.upstream, call)
  } catch (error) {
    if (!(error instanceof UpstreamFailure)) throw error
    if (error.kind !== 'aborted') context.report(error, { route })
    return { ok: false, response: upstreamError(error.kind), maybeDelivered: true }
  }
  if (answer.status === 401) {
    context.report(
      new Error(
        `The Kirim API answered 401 to the proxy (${answer.text.slice(0, 300)}): check the apiKey option.`,
      ),
      { route, requestId: upstreamRequestId(answer) },
    )
    return { ok: false, response: upstreamError('authentication'), maybeDelivered: false }
  }
  return { ok: true, answer }
}
