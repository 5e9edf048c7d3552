/**
 * The options of `createProxy`, each documented where it is declared (`resolveOptions.ts`
 * checks them).
 */
import type { DedupeStore } from '../webhooks/index.ts'
import type { Authorize } from './grant.ts'
import type { RouteName } from './routes.ts'
import type { MessageStore, QuotaStore } from './stores.ts'

/** Where an error reported to `onError` happened. */
export interface ProxyErrorContext {
  /** The route being served, or `undefined` before one was matched. */
  readonly route: RouteName | undefined
  /** The `req_…` id of the proxy's answer, or of upstream's when it answered. */
  readonly requestId?: string | undefined
}

/** The options of `createProxy`. */
export interface ProxyOptions {
  /**
   * The Kirim API key (`kdv_live_…`). Only the proxy holds it: it is sent upstream in
   * `Authorization` and appears in no answer, header, log line or error.
   */
  readonly apiKey: string
  /**
   * The Kirim API, or the emulator (`http://127.0.0.1:4010`). `http:` is accepted for local use.
   * @default 'https://api-kckit.kirim.chat'
   */
  readonly baseUrl?: string
  /**
   * The HS256 secret(s) that sign the browser's tokens, each at least 32 bytes (e.g.
   * `openssl rand -base64 32`). With several, the first signs and all verify: to rotate, put the
   * new secret first, and drop the old one once its tokens have expired (`tokenTtl` later).
   */
  readonly tokenSecret: string | readonly string[]
  /**
   * Decides who calls `POST <basePath>/token` and what their token may do, from the request
   * (a session cookie, an `Authorization` header of your app …). Return `null` to refuse.
   *
   * @example
   * authorize: async (request) => {
   *   const user = await sessionUser(request)
   *   return user ? { subject: user.id, scope: { types: ['template'], maxSends: 5 } } : null
   * }
   */
  readonly authorize: Authorize
  /**
   * The browser origins (`https://app.example.com`) allowed to call the proxy cross-origin.
   * They get CORS headers; any other `Origin` is refused (403 `origin_forbidden`). When set,
   * a request without `Origin` is refused too, unless the browser marks it same-origin.
   * Omitted: only the proxy's own origin, and callers that send neither `Origin` nor cookies.
   * The proxy's own origin is that of `request.url`: behind a reverse proxy that rewrites it
   * (TLS terminated in front of Node, say), list your public origin here.
   */
  readonly allowedOrigins?: readonly string[]
  /**
   * The webhook signing secret(s) (`whsec_…`) of the Kirim subscription pointed at
   * `<basePath>/webhooks`; several during a rotation. Omitted: that route answers 404 and no
   * status after `pending` reaches the event stream.
   */
  readonly webhookSecret?: string | readonly string[]
  /**
   * Where the proxy's routes live. Requests outside it are answered 404.
   * @default '/api/kirim'
   */
  readonly basePath?: string
  /**
   * How long a token lives, in seconds: 1 to 3600.
   * @default 300
   */
  readonly tokenTtl?: number
  /**
   * How the proxy calls upstream. Pass an in-process handler (`createEmulator().fetch`) to skip
   * the network in tests and local development.
   * @default globalThis.fetch
   */
  readonly fetch?: (request: Request) => Promise<Response>
  /**
   * How long to wait for upstream before answering 504, in ms. Above 30 s so that Kirim's own
   * wait for an in-flight idempotent request answers first.
   * @default 60000
   */
  readonly upstreamTimeout?: number
  /**
   * How often the event stream sends a `: ping` comment, in ms (keeps intermediaries from
   * closing an idle stream).
   * @default 15000
   */
  readonly heartbeatInterval?: number
  /**
   * Counts sends per token for `scope.maxSends`.
   * @default createMemoryQuotaStore()
   */
  readonly quotaStore?: QuotaStore
  /**
   * Remembers which subject sent which message.
   * @default createMemoryMessageStore()
   */
  readonly messageStore?: MessageStore
  /**
   * Remembers the webhook event ids already handled (Kirim delivers at least once).
   * @default createMemoryDedupeStore() (from `@kirim/core/webhooks`)
   */
  readonly dedupeStore?: DedupeStore
  /**
   * Called with every unexpected error (an upstream that cannot be reached, an `authorize` that
   * throws, a store that fails): for logging. The browser gets a 5xx envelope without details.
   * The error never contains the API key: any occurrence is replaced by `[redacted]`.
   */
  readonly onError?: (error: Error, context: ProxyErrorContext) => void
}
