import type { GenericSchema, InferOutput } from 'valibot'
import { ConnectionError } from '../errors/ConnectionError.ts'
import { isBrowser } from '../internal/environment.ts'
import { sleep } from '../internal/sleep.ts'
import type { RequestOptions } from '../types/options.ts'
import type { Credentials } from './Credentials.ts'
import { type RateLimit, readRateLimit } from './rateLimit.ts'
import { readResponse } from './readResponse.ts'
import { backoffDelay, retryDelay } from './retry.ts'
import { toApiError } from './toApiError.ts'
import { abortedError, attempt } from './transport.ts'

/** One API call, as the resources describe it. */
export interface ApiCall<TSchema extends GenericSchema> {
  readonly method: 'GET' | 'POST'
  /** Relative to the base URL, without a leading slash, query included: `v1/templates?limit=5`. */
  readonly path: string
  /** The shape of a 2xx body. */
  readonly schema: TSchema
  /** What the body is, for `InvalidResponseError`: `message`, `template page`. */
  readonly what: string
  readonly options?: RequestOptions | undefined
  /** The JSON body, already checked. */
  readonly json?: unknown
  /** The same key on every attempt of this call: what makes retrying a POST safe. */
  readonly idempotencyKey?: string | undefined
  /**
   * Sends each attempt in place of `attempt`: `sendMany` paces its attempts by the rate limit
   * through it, and reads every answer's headers.
   */
  readonly attempt?: typeof attempt | undefined
}

/** What the HTTP layer needs of the client's options. */
export interface HttpClientOptions {
  readonly baseUrl: string
  readonly timeout: number
  readonly maxRetries: number
  readonly fetch: typeof fetch | undefined
  readonly headers: Readonly<Record<string, string>>
  /**
   * The bearer credential. Without one (the token endpoint) no `Authorization` is sent, only
   * network failures are retried, and in a browser the session cookie goes along.
   */
  readonly credentials: Credentials | undefined
}

/**
 * The HTTP layer under every resource: the attempts and the waits between them, the bearer
 * credential, rate-limit tracking, and responses checked against their schemas.
 *
 * ky sends each attempt (see `attempt`); the loop here retries network errors, timeouts, 408,
 * 429, 5xx and 409 `idempotency_in_progress` with full-jitter backoff or the wait `Retry-After`
 * asks for, repeats a call once with a fresh token after a 401, and throws the last error
 * response as its `KirimError`.
 */
export class HttpClient {
  readonly #options: HttpClientOptions
  readonly #base: string
  // The headers of the most recent response that carried rate-limit headers, read only when
  // asked for: most callers never look.
  #rateLimit: RateLimit | Headers | undefined

  constructor(options: HttpClientOptions) {
    this.#options = options
    this.#base = options.baseUrl.replace(/\/+$/, '')
  }

  /** The `X-RateLimit-*` state of the most recent response that carried one. */
  get rateLimit(): RateLimit | undefined {
    if (this.#rateLimit instanceof Headers) this.#rateLimit = readRateLimit(this.#rateLimit)
    return this.#rateLimit
  }

  /** Sends the call (retrying as the policy allows) and returns the checked 2xx body. */
  async request<TSchema extends GenericSchema>(
    call: ApiCall<TSchema>,
  ): Promise<InferOutput<TSchema>> {
    const { baseUrl, fetch, credentials } = this.#options
    const {
      signal,
      timeout = this.#options.timeout,
      maxRetries = this.#options.maxRetries,
    } = call.options ?? {}
    const url = call.path ? `${this.#base}/${call.path}` : baseUrl
    const target = `${call.method} ${url}`
    const headers: Record<string, string> = { ...this.#options.headers, accept: 'application/json' }
    const init: RequestInit & { headers: Record<string, string> } = { method: call.method, headers }
    if (call.json !== undefined) {
      init.body = JSON.stringify(call.json)
      headers['content-type'] = 'application/json'
    }
    if (call.idempotencyKey !== undefined) headers['idempotency-key'] = call.idempotencyKey
    if (!credentials && isBrowser()) init.credentials = 'include'
    let refreshed = false
    try {
      for (let retry = 0; ; ) {
        // A cached token comes back as is: no promise to wait for on the common path.
        let bearer = credentials?.bearer(signal)
        if (typeof bearer === 'object') bearer = await bearer
        if (bearer !== undefined) headers.authorization = `Bearer ${bearer}`
        let exchange: { response: Response; text: string }
        try {
          exchange = await (call.attempt ?? attempt)(url, init, { fetch, timeout, signal, target })
        } catch (error) {
          const { code } = error instanceof ConnectionError ? error : { code: '' }
          // A network failure is worth another attempt; a timeout too, except at the token
          // endpoint, which is asked again on the next call anyway.
          const retried =
            code === 'network_error' || (code === 'timeout' && credentials !== undefined)
          if (!retried || retry >= maxRetries) throw error
          await sleep(backoffDelay(++retry), signal)
          continue
        }
        const { response, text } = exchange
        if (response.headers.has('x-ratelimit-limit')) this.#rateLimit = response.headers
        if (response.ok) return readResponse(response, text, call.schema, call.what)
        const error = toApiError(response, text)
        if (!credentials) throw error
        // A 401 on a refreshable token: fetch a fresh one and repeat the call, once.
        if (response.status === 401 && credentials.refreshable && !refreshed) {
          refreshed = true
          credentials.reject(bearer as string)
          continue
        }
        const delay = retry < maxRetries ? retryDelay(response, error.code, retry + 1) : undefined
        if (delay === undefined) throw error
        await sleep(delay, signal)
        retry++
      }
    } catch (error) {
      // Once the caller's signal fired, whatever failed is a consequence of the abort.
      if (signal?.aborted && !(error instanceof ConnectionError && error.code === 'aborted')) {
        throw abortedError(target, signal)
      }
      throw error
    }
  }
}
