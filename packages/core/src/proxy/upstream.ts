/**
 * The one place the API key is used: a call to the Kirim API built from scratch (a fixed path,
 * an allowlist of headers, the key in `Authorization`), and what the browser gets back: upstream's
 * answer filtered (status, body, an allowlist of headers), or the proxy's own 5xx when there is
 * no answer worth passing on.
 */
import { type Message, MessageSchema, validate } from '../schemas/index.ts'
import type { ProxyContext, Upstream } from './context.ts'
import { refuse } from './errors.ts'
import { redact } from './redact.ts'
import { PRIVATE_HEADERS } from './response.ts'

/** The upstream response headers a browser may see (what the SDK reads). */
export const FORWARDED_RESPONSE_HEADERS = [
  'content-type',
  'x-request-id',
  'idempotent-replayed',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'retry-after',
] as const

/** What to send upstream. Only what is named here is sent: no header of the browser's passes. */
export interface UpstreamCall {
  readonly method: 'GET' | 'POST'
  /** A path the proxy built (`/v1/messages`, `/v1/messages/msg_…`, `/v1/templates`). */
  readonly path: string
  readonly query?: URLSearchParams | undefined
  /** A JSON body the proxy serialised itself. */
  readonly body?: string | undefined
  readonly idempotencyKey?: string | undefined
  /** The browser's request signal: a client that leaves cancels the upstream call. */
  readonly signal: AbortSignal
  /** Shorter than the `upstreamTimeout` option, in ms, for a call that must not hold a route. */
  readonly timeout?: number | undefined
}

/** Upstream's answer, already scrubbed of the API key. */
export interface UpstreamAnswer {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly text: string
}

/**
 * Upstream's answer to pass on, or the proxy's own 5xx answer when there is none worth passing
 * on; `maybeDelivered` says whether upstream may have acted on the request.
 */
export type UpstreamOutcome =
  | { readonly ok: true; readonly answer: UpstreamAnswer }
  | { readonly ok: false; readonly response: Response; readonly maybeDelivered: boolean }

type FailureKind = 'timeout' | 'unreachable' | 'aborted'

/** Why upstream gave no answer (what `onError` receives). */
class UpstreamFailure extends Error {
  override name = 'UpstreamFailure'
  readonly kind: FailureKind
  constructor(kind: FailureKind, options?: { cause?: unknown }) {
    super(
      kind === 'timeout'
        ? 'The Kirim API did not answer in time.'
        : kind === 'aborted'
          ? 'The client went away before the Kirim API answered.'
          : 'The Kirim API could not be reached.',
      options,
    )
    this.kind = kind
  }
}

/** Calls upstream; throws {@link UpstreamFailure} when there is no answer. */
async function fetchUpstream(upstream: Upstream, call: UpstreamCall): Promise<UpstreamAnswer> {
  const url = new URL(upstream.baseUrl + call.path)
  if (call.query !== undefined) url.search = call.query.toString()
  const headers = new Headers({
    Accept: 'application/json',
    Authorization: `Bearer ${upstream.apiKey}`,
  })
  if (call.body !== undefined) headers.set('Content-Type', 'application/json')
  if (call.idempotencyKey !== undefined) headers.set('Idempotency-Key', call.idempotencyKey)

  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(
    () => {
      timedOut = true
      controller.abort()
    },
    Math.min(call.timeout ?? upstream.timeout, upstream.timeout),
  )
  const leave = (): void => controller.abort()
  if (call.signal.aborted) controller.abort()
  else call.signal.addEventListener('abort', leave, { once: true })
  try {
    const response = await upstream.fetch(
      new Request(url, {
        method: call.method,
        headers,
        body: call.body,
        signal: controller.signal,
        redirect: 'manual',
      }),
    )
    const text = await response.text()
    const forwarded: Record<string, string> = {}
    for (const name of FORWARDED_RESPONSE_HEADERS) {
      const value = response.headers.get(name)
      if (value !== null && !value.includes(upstream.apiKey)) forwarded[name] = value
    }
    return { status: response.status, headers: forwarded, text: redact(text, upstream.apiKey) }
  } catch (error) {
    if (timedOut) throw new UpstreamFailure('timeout')
    if (call.signal.aborted) throw new UpstreamFailure('aborted')
    throw new UpstreamFailure('unreachable', { cause: error })
  } finally {
    clearTimeout(timer)
    call.signal.removeEventListener('abort', leave)
  }
}

/**
 * Calls upstream for the route being served. No answer is 502 `upstream_unreachable` or 504
 * `upstream_timeout`; a 401 to the proxy's own API key is 502 `upstream_authentication_failed`.
 * Both are reported to `onError`, but for a client that went away.
 */
export async function askUpstream(
  context: ProxyContext,
  call: UpstreamCall,
): Promise<UpstreamOutcome> {
  let answer: UpstreamAnswer
  try {
    answer = await fetchUpstream(context.upstream, call)
  } catch (error) {
    if (!(error instanceof UpstreamFailure)) throw error
    if (error.kind !== 'aborted') context.report(error)
    const code = error.kind === 'timeout' ? 'upstream_timeout' : 'upstream_unreachable'
    return { ok: false, response: refuse(code), maybeDelivered: true }
  }
  if (answer.status === 401) {
    context.report(
      new Error(
        `The Kirim API answered 401 to the proxy (${answer.text.slice(0, 300)}): check the apiKey option.`,
      ),
      upstreamRequestId(answer),
    )
    return { ok: false, response: refuse('upstream_authentication_failed'), maybeDelivered: false }
  }
  return { ok: true, answer }
}

/** The browser's answer from upstream's: its status, body and allowed headers. */
export function answerFrom(answer: UpstreamAnswer): Response {
  // 204/304 and friends cannot carry a body.
  const empty = answer.status === 204 || answer.status === 205 || answer.status === 304
  return new Response(empty ? null : answer.text, {
    status: answer.status,
    headers: { ...PRIVATE_HEADERS, ...answer.headers },
  })
}

/** The `X-Request-Id` of upstream's answer, when it has one. */
export function upstreamRequestId(answer: UpstreamAnswer): string | undefined {
  return answer.headers['x-request-id']
}

/** The Message inside a `{ data: Message }` answer of the API, or `undefined`. */
export function messageIn(answer: UpstreamAnswer): Message | undefined {
  let body: unknown
  try {
    body = JSON.parse(answer.text)
  } catch {
    return undefined
  }
  const data =
    typeof body === 'object' && body !== null ? (body as { data?: unknown }).data : undefined
  return validate(MessageSchema, data).output
}
