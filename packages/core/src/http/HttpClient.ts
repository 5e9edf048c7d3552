import ky, { type KyInstance, type KyResponse } from 'ky'
import * as v from 'valibot'
import type { Credentials } from '../auth/Credentials.ts'
import { ConnectionError } from '../errors/ConnectionError.ts'
import { ApiErrorBodySchema } from '../schemas/index.ts'
import type { RequestOptions } from '../types/options.ts'
import { type RateLimit, readRateLimit } from './rateLimit.ts'
import { readResponse } from './readResponse.ts'
import {
  backoffDelay,
  isRetryableStatus,
  maxRetryAfterMs,
  parseRetryAfter,
  transportRetry,
} from './retry.ts'
import { markedFetch, toConnectionError } from './transport.ts'

/** One API call, as the resources describe it. */
export interface ApiRequest<TSchema extends v.GenericSchema> {
  readonly method: 'get' | 'post'
  /** Relative to the base URL, without a leading slash: `v1/messages`. */
  readonly path: string
  readonly json?: unknown
  readonly searchParams?: Readonly<Record<string, string | number | undefined>>
  /** The same key on every attempt of this call: what makes retrying a POST safe. */
  readonly idempotencyKey?: string
  /** The shape of a 2xx body. */
  readonly schema: TSchema
  /** What the body is, for `InvalidResponseError`: `message`, `template page`. */
  readonly what: string
  readonly options?: RequestOptions | undefined
}

export interface HttpClientOptions {
  readonly baseUrl: string
  readonly timeout: number
  readonly maxRetries: number
  readonly fetch: typeof fetch | undefined
  readonly headers: Readonly<Record<string, string>>
  readonly credentials: Credentials
}

// A 409 is retried only when the first request with this key is still running.
const isInProgress = async (response: Response): Promise<boolean> => {
  const result = v.safeParse(ApiErrorBodySchema, await response.json().catch(() => undefined))
  return result.success && result.output.error.code === 'idempotency_in_progress'
}

/**
 * The HTTP layer under every resource: ky with the client's retry policy, the bearer credential,
 * rate-limit tracking, and responses checked against their schemas.
 *
 * ky runs the attempts, the per-attempt timeout and the abortable waits between attempts. Error
 * statuses come back as responses (`throwHttpErrors: false`) so that one `afterResponse` hook
 * decides about retrying them, with the delay `Retry-After` asks for, and the last one is mapped
 * to its `KirimError` here.
 */
export class HttpClient {
  readonly #ky: KyInstance
  readonly #credentials: Credentials
  readonly #timeout: number
  readonly #maxRetries: number
  readonly #baseUrl: string
  #rateLimit: RateLimit | undefined

  constructor(options: HttpClientOptions) {
    this.#credentials = options.credentials
    this.#timeout = options.timeout
    this.#maxRetries = options.maxRetries
    this.#baseUrl = options.baseUrl
    this.#ky = ky.create({
      prefix: options.baseUrl,
      fetch: markedFetch(options.fetch),
      headers: { ...options.headers, accept: 'application/json' },
      throwHttpErrors: false,
    })
  }

  /** The `X-RateLimit-*` state of the most recent response, if it carried one. */
  get rateLimit(): RateLimit | undefined {
    return this.#rateLimit
  }

  /** Sends the request (retrying as the policy allows) and returns the checked 2xx body. */
  async request<TSchema extends v.GenericSchema>(
    request: ApiRequest<TSchema>,
  ): Promise<v.InferOutput<TSchema>> {
    const signal = request.options?.signal
    const timeout = request.options?.timeout ?? this.#timeout
    const target = `${request.method.toUpperCase()} ${this.#baseUrl.replace(/\/+$/, '')}/${request.path}`
    let refreshed = false
    for (;;) {
      const call = { bearer: '' }
      let exchange: { response: KyResponse; text: string }
      try {
        signal?.throwIfAborted()
        call.bearer = await this.#credentials.bearer(signal)
        exchange = await this.#send(request, call, timeout, target)
      } catch (error) {
        throw toConnectionError(error, { signal, timeout, target })
      }
      // A 401 on a refreshable token: fetch a fresh one and repeat the call, once.
      if (exchange.response.status === 401 && this.#credentials.refreshable && !refreshed) {
        refreshed = true
        this.#credentials.reject(call.bearer)
        continue
      }
      return readResponse(exchange.response, exchange.text, request.schema, request.what)
    }
  }

  async #send(
    request: ApiRequest<v.GenericSchema>,
    call: { bearer: string },
    timeout: number,
    target: string,
  ): Promise<{ response: KyResponse; text: string }> {
    const signal = request.options?.signal
    const limit = request.options?.maxRetries ?? this.#maxRetries
    const pending = this.#ky(request.path, {
      method: request.method,
      json: request.json,
      searchParams: request.searchParams,
      signal,
      timeout,
      headers: {
        authorization: `Bearer ${call.bearer}`,
        'idempotency-key': request.idempotencyKey,
      },
      retry: transportRetry(limit, { methods: ['get', 'post'], retryOnTimeout: true }),
      hooks: {
        beforeRetry: [
          async ({ request: next }) => {
            // A long Retry-After may outlive a short token: take the current one.
            call.bearer = await this.#credentials.bearer(signal)
            next.headers.set('authorization', `Bearer ${call.bearer}`)
          },
        ],
        afterResponse: [
          async ({ response, retryCount }) => {
            this.#rateLimit = readRateLimit(response.headers) ?? this.#rateLimit
            if (response.ok || retryCount >= limit) return
            const delay = await this.#retryDelay(response, retryCount + 1)
            if (delay !== undefined) return ky.retry({ delay, code: `HTTP_${response.status}` })
          },
        ],
      },
    })
    const response = await pending
    try {
      return { response, text: await pending.text() }
    } catch (error) {
      const mapped = toConnectionError(error, { signal, timeout, target })
      if (mapped !== error) throw mapped
      throw new ConnectionError(`${target} lost the connection while reading the response.`, {
        code: 'network_error',
        cause: error,
      })
    }
  }

  // Milliseconds to wait before retrying this response, or undefined when it should not be retried.
  async #retryDelay(response: Response, retry: number): Promise<number | undefined> {
    const retryable =
      isRetryableStatus(response.status) ||
      (response.status === 409 && (await isInProgress(response)))
    if (!retryable) return undefined
    const asked = parseRetryAfter(response.headers.get('retry-after'))
    if (asked === undefined) return backoffDelay(retry)
    return asked <= maxRetryAfterMs ? asked : undefined
  }
}
