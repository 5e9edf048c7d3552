/**
 * The one place the API key is used: a request to the Kirim API built from scratch (a fixed
 * path, an allowlist of headers, the key in `Authorization`), and its answer filtered back to
 * the browser (status, body, an allowlist of headers).
 */
import { errorResponse } from './envelope.ts'
import { redact } from './redact.ts'

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
}

/** Where and how to call upstream. */
export interface Upstream {
  readonly baseUrl: string
  readonly apiKey: string
  readonly fetch: (request: Request) => Promise<Response>
  readonly timeout: number
}

/** Upstream's answer, already scrubbed of the API key. */
export interface UpstreamAnswer {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly text: string
}

/** Why upstream gave no answer. */
export class UpstreamFailure extends Error {
  override name = 'UpstreamFailure'
  readonly kind: 'timeout' | 'unreachable' | 'aborted'
  constructor(kind: 'timeout' | 'unreachable' | 'aborted', options?: { cause?: unknown }) {
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
export async function callUpstream(
  upstream: Upstream,
  call: UpstreamCall,
): Promise<UpstreamAnswer> {
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
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, upstream.timeout)
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

/** The browser's answer from upstream's: its status, body and allowed headers. */
export function answerFrom(answer: UpstreamAnswer): Response {
  // 204/304 and friends cannot carry a body.
  const empty = answer.status === 204 || answer.status === 205 || answer.status === 304
  return new Response(empty ? null : answer.text, {
    status: answer.status,
    headers: {
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...answer.headers,
    },
  })
}

/** The `X-Request-Id` of upstream's answer, when it has one. */
export function upstreamRequestId(answer: UpstreamAnswer): string | undefined {
  return answer.headers['x-request-id']
}

/**
 * The answer when upstream gave none (502 `upstream_unreachable`, 504 `upstream_timeout`), or
 * refused the proxy's own API key (502 `upstream_authentication_failed`: passing that 401 on
 * would make the browser refresh a token that is fine).
 */
export function upstreamError(kind: UpstreamFailure['kind'] | 'authentication'): Response {
  if (kind === 'timeout') {
    return errorResponse({
      status: 504,
      type: 'api_error',
      code: 'upstream_timeout',
      message: 'The Kirim API did not answer in time.',
    })
  }
  if (kind === 'authentication') {
    return errorResponse({
      status: 502,
      type: 'api_error',
      code: 'upstream_authentication_failed',
      message: 'The Kirim API refused the proxy’s credentials.',
    })
  }
  return errorResponse({
    status: 502,
    type: 'api_error',
    code: 'upstream_unreachable',
    message: 'The Kirim API could not be reached.',
  })
}
