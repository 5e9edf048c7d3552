import { ValidationError } from '../errors/ValidationError.ts'
import type { Credentials } from '../http/Credentials.ts'
import { HttpClient } from '../http/HttpClient.ts'
import type { RateLimit } from '../http/rateLimit.ts'
import { abortedError } from '../http/transport.ts'
import { requestOptionIssues } from '../internal/checkOptions.ts'
import { Messages } from '../messages/Messages.ts'
import { dataEnvelope, type Me, MeSchema } from '../schemas/index.ts'
import { Templates } from '../templates/Templates.ts'
import type { KirimOptions, RequestOptions } from '../types/options.ts'
import { resolveOptions } from './resolveOptions.ts'

const MeEnvelopeSchema = /* @__PURE__ */ dataEnvelope(MeSchema)

/**
 * The Kirim client: send WhatsApp messages, follow their status, list templates.
 *
 * One instance per credential; it is cheap, holds no connection, and is safe to share. The
 * credential lives in a private field: it never shows in errors, `String(kirim)`,
 * `JSON.stringify(kirim)` or `console.log(kirim)`.
 *
 * @example
 * // Server side (Node ≥ 22, Deno, Bun, Workers, edge functions)
 * const kirim = new Kirim({ apiKey: env.KIRIM_API_KEY })
 *
 * // In the browser, through your proxy (`@kirim/core/proxy`)
 * const kirim = new Kirim({ tokenUrl: '/api/kirim/token', baseUrl: '/api/kirim' })
 *
 * const message = await kirim.messages.send({
 *   to: '+628111111111',
 *   type: 'text',
 *   text: { body: 'Halo dari Kirim' },
 * })
 */
export class Kirim {
  /** Send messages, fetch them, wait for a status. */
  readonly messages: Messages
  /** List the organisation's templates. */
  readonly templates: Templates
  readonly #http: HttpClient
  readonly #tokens: Credentials | undefined

  /**
   * @throws {ValidationError} when the options are wrong: not exactly one of `apiKey`, `token`,
   * `tokenUrl`; an `apiKey` in a browser without `dangerouslyAllowBrowser`; a `from` that is not
   * E.164; a bad `baseUrl`, `timeout` or `maxRetries`. Every problem is listed.
   */
  constructor(options: KirimOptions) {
    const resolved = resolveOptions(options)
    this.#http = new HttpClient(resolved)
    this.#tokens = resolved.tokens
    this.messages = new Messages(this.#http, resolved.from)
    this.templates = new Templates(this.#http)
  }

  /**
   * The organisation, API key and rate-limit tier behind the credential (`GET /v1/me`). A cheap
   * way to check a key works.
   *
   * @example
   * const { organization, rate_limits } = await kirim.me()
   */
  async me(options: RequestOptions = {}): Promise<Me> {
    const issues = requestOptionIssues(options)
    if (issues.length > 0) throw new ValidationError(issues, 'me call')
    const { data } = await this.#http.request({
      method: 'GET',
      path: 'v1/me',
      schema: MeEnvelopeSchema,
      what: 'me response',
      options,
    })
    return data
  }

  /**
   * The bearer token the client sends, for your own requests to your proxy (its status event
   * stream): the client's cached token, fetched first if there is none or it is about to expire.
   * Concurrent callers share one fetch. Pass the token your proxy just refused as `rejected` to
   * drop it and get a fresh one (what the client itself does on a `401`); a `rejected` that is
   * not the cached token changes nothing.
   *
   * Resolves to `undefined` with an `apiKey`: the key never leaves the client. A `token` string
   * comes back as is.
   *
   * @throws {ValidationError} when `options` is not an object or `signal` not an `AbortSignal`.
   * @throws {ConnectionError} `aborted` when `signal` fires first (a fetch other callers wait for
   * goes on); the token endpoint's or token function's error when the fetch fails.
   * @example
   * const token = await kirim.token()
   * const response = await fetch('/api/kirim/events', {
   *   headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` },
   * })
   * // Refused (401)? Ask for a fresh one:
   * const fresh = await kirim.token({ rejected: token })
   */
  async token(
    options: { signal?: AbortSignal; rejected?: string } = {},
  ): Promise<string | undefined> {
    const issues = requestOptionIssues(options)
    if (issues.length > 0) throw new ValidationError(issues, 'token call')
    const { signal, rejected } = options
    const tokens = this.#tokens
    if (!tokens) return
    try {
      signal?.throwIfAborted()
      // Drops the cached token only if it is `rejected`; with none there is nothing to drop.
      tokens.reject(rejected as string)
      return await tokens.bearer(signal)
    } catch (error) {
      throw signal?.aborted ? abortedError('kirim.token()', signal) : error
    }
  }

  /**
   * The rate-limit headers (`X-RateLimit-Limit`, `-Remaining`, `-Reset`) of the most recent
   * response, whatever its status, or `undefined` before the first. Reads and writes have
   * separate buckets: this is the bucket of the call that answered last.
   *
   * @example
   * if (kirim.rateLimit && kirim.rateLimit.remaining < 5) await pauseUntil(kirim.rateLimit.reset)
   */
  get rateLimit(): RateLimit | undefined {
    return this.#http.rateLimit
  }

  get [Symbol.toStringTag](): string {
    return 'Kirim'
  }
}
