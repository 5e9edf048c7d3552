/**
 * The options of `createProxy`, each documented where it is declared, and their validation at
 * construction.
 */
import type { DedupeStore } from '../webhooks/index.ts'
import { ProxyConfigError } from './ProxyConfigError.ts'
import type { RouteName } from './routes.ts'
import type { Scope } from './scope.ts'
import type { MessageStore, QuotaStore } from './stores.ts'
import { MAX_TOKEN_TTL } from './token.ts'

/**
 * Who the caller of `POST <basePath>/token` is, and what their token may do; `null` refuses
 * (401 `not_authorized`).
 */
export type AuthorizeResult = {
  /**
   * A stable id of the caller (a user id, a session id): the token's `sub`. Messages sent with
   * the token belong to it: only tokens with the same subject can read them or see their events.
   * 1–256 characters.
   */
  readonly subject: string
  /** The limits of the token. Omitted: any type, recipient and template, no send quota. */
  readonly scope?: Scope | undefined
} | null

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
  readonly authorize: (request: Request) => AuthorizeResult | Promise<AuthorizeResult>
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

/** The options after validation, with defaults applied. */
export interface ResolvedOptions {
  readonly apiKey: string
  readonly baseUrl: string
  readonly tokenSecrets: readonly [string, ...string[]]
  readonly authorize: ProxyOptions['authorize']
  readonly allowedOrigins: readonly string[] | undefined
  readonly webhookSecrets: readonly string[] | undefined
  readonly basePath: string
  readonly tokenTtl: number
  readonly fetch: (request: Request) => Promise<Response>
  readonly upstreamTimeout: number
  readonly heartbeatInterval: number
  readonly quotaStore: QuotaStore | undefined
  readonly messageStore: MessageStore | undefined
  readonly dedupeStore: DedupeStore | undefined
  readonly onError: ProxyOptions['onError']
}

/** The default upstream. */
export const DEFAULT_BASE_URL = 'https://api-kckit.kirim.chat'
/** The default base path. */
export const DEFAULT_BASE_PATH = '/api/kirim'
/** The fewest bytes a token secret may have: HS256's key size (RFC 7518 §3.2). */
export const MIN_SECRET_BYTES = 32

const KNOWN = new Set([
  'apiKey',
  'baseUrl',
  'tokenSecret',
  'authorize',
  'allowedOrigins',
  'webhookSecret',
  'basePath',
  'tokenTtl',
  'fetch',
  'upstreamTimeout',
  'heartbeatInterval',
  'quotaStore',
  'messageStore',
  'dedupeStore',
  'onError',
])
const MAX_TIMER = 2_147_483_647
const encoder = new TextEncoder()

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value
}

function integer(value: unknown, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ProxyConfigError(
      name,
      `must be an integer from ${min} to ${max} (got ${typeof value === 'number' ? value : kindOf(value)})`,
    )
  }
  return value
}

function secrets(value: unknown, name: string, minBytes: number): [string, ...string[]] {
  const list: unknown[] = typeof value === 'string' ? [value] : Array.isArray(value) ? value : []
  if (list.length === 0) {
    throw new ProxyConfigError(
      name,
      `must be a string or a non-empty array of strings (got ${Array.isArray(value) ? 'an empty array' : kindOf(value)})`,
    )
  }
  const seen = new Set<string>()
  list.forEach((secret, index) => {
    const where = typeof value === 'string' ? name : `${name}[${index}]`
    if (typeof secret !== 'string') {
      throw new ProxyConfigError(where, `must be a string (got ${kindOf(secret)})`)
    }
    const bytes = encoder.encode(secret).length
    if (bytes < minBytes) {
      throw new ProxyConfigError(
        where,
        minBytes === 1
          ? 'must not be empty'
          : `must be at least ${minBytes} bytes (got ${bytes}); generate one with \`openssl rand -base64 32\``,
      )
    }
    if (seen.has(secret)) throw new ProxyConfigError(where, 'repeats an earlier secret')
    seen.add(secret)
  })
  return list as [string, ...string[]]
}

function baseUrlOf(value: unknown): string {
  if (value === undefined) return DEFAULT_BASE_URL
  let url: URL | undefined
  try {
    url = typeof value === 'string' ? new URL(value) : undefined
  } catch {}
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new ProxyConfigError(
      'baseUrl',
      `must be an absolute http(s) URL (got ${typeof value === 'string' ? JSON.stringify(value) : kindOf(value)})`,
    )
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new ProxyConfigError('baseUrl', 'must not carry credentials, a query or a fragment')
  }
  return url.href.replace(/\/+$/, '')
}

function basePathOf(value: unknown): string {
  if (value === undefined) return DEFAULT_BASE_PATH
  if (
    typeof value !== 'string' ||
    !/^\/(?:[A-Za-z0-9._~!$&'()*+,;=:@-]+(?:\/[A-Za-z0-9._~!$&'()*+,;=:@-]+)*)?\/?$/.test(value) ||
    /(?:^|\/)\.{1,2}(?:\/|$)/.test(value)
  ) {
    throw new ProxyConfigError(
      'basePath',
      `must be a path like '/api/kirim': a leading /, no query, no encoded characters, no empty or dot segments (got ${typeof value === 'string' ? JSON.stringify(value) : kindOf(value)})`,
    )
  }
  return value.replace(/\/$/, '')
}

function originsOf(value: unknown): readonly string[] | undefined {
  if (value === undefined) return undefined
  if (!Array.isArray(value)) {
    throw new ProxyConfigError(
      'allowedOrigins',
      `must be an array of origins (got ${kindOf(value)})`,
    )
  }
  return Object.freeze(
    value.map((origin: unknown, index) => {
      let parsed: URL | undefined
      try {
        parsed = typeof origin === 'string' ? new URL(origin) : undefined
      } catch {}
      if (
        typeof origin !== 'string' ||
        origin.includes('*') ||
        parsed === undefined ||
        (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') ||
        parsed.origin !== origin
      ) {
        throw new ProxyConfigError(
          `allowedOrigins[${index}]`,
          `must be an exact origin like 'https://app.example.com' (scheme and host, no path, no trailing slash, no wildcard; got ${typeof origin === 'string' ? JSON.stringify(origin) : kindOf(origin)})`,
        )
      }
      return origin
    }),
  )
}

function method(value: unknown, name: string, methods: readonly string[]): void {
  if (value === undefined) return
  if (!isObject(value) || methods.some((m) => typeof value[m] !== 'function')) {
    throw new ProxyConfigError(name, `must be an object with the methods ${methods.join(', ')}`)
  }
}

function fn(value: unknown, name: string, required: boolean): void {
  if (value === undefined && !required) return
  if (typeof value !== 'function') {
    throw new ProxyConfigError(name, `must be a function (got ${kindOf(value)})`)
  }
}

/** Validates `options` and applies the defaults; throws {@link ProxyConfigError}. */
export function resolveOptions(options: ProxyOptions): ResolvedOptions {
  if (!isObject(options)) {
    throw new ProxyConfigError('options', `must be an object (got ${kindOf(options)})`)
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN.has(key)) {
      throw new ProxyConfigError(key, `is not an option (known: ${[...KNOWN].join(', ')})`)
    }
  }
  const { apiKey } = options
  if (typeof apiKey !== 'string' || !/^[!-~]+$/.test(apiKey)) {
    throw new ProxyConfigError(
      'apiKey',
      `must be a non-empty string of printable ASCII without spaces (got ${typeof apiKey === 'string' ? 'an invalid string' : kindOf(apiKey)})`,
    )
  }
  const tokenSecrets = secrets(options.tokenSecret, 'tokenSecret', MIN_SECRET_BYTES)
  const webhookSecrets =
    options.webhookSecret === undefined
      ? undefined
      : secrets(options.webhookSecret, 'webhookSecret', 1)
  if (tokenSecrets.includes(apiKey))
    throw new ProxyConfigError('tokenSecret', 'must not be the API key')
  if (webhookSecrets?.includes(apiKey)) {
    throw new ProxyConfigError('webhookSecret', 'must not be the API key')
  }
  fn(options.authorize, 'authorize', true)
  fn(options.fetch, 'fetch', false)
  fn(options.onError, 'onError', false)
  method(options.quotaStore, 'quotaStore', ['consume', 'refund'])
  method(options.messageStore, 'messageStore', ['get', 'findByProviderId', 'put'])
  method(options.dedupeStore, 'dedupeStore', ['add', 'delete'])
  const upstreamFetch = options.fetch
  return {
    apiKey,
    baseUrl: baseUrlOf(options.baseUrl),
    tokenSecrets,
    authorize: options.authorize,
    allowedOrigins: originsOf(options.allowedOrigins),
    webhookSecrets,
    basePath: basePathOf(options.basePath),
    tokenTtl: integer(options.tokenTtl, 'tokenTtl', 1, MAX_TOKEN_TTL, 300),
    // Looked up at call time, so a fetch patched after construction (tests, instrumentation) is used.
    fetch: upstreamFetch ?? ((request) => globalThis.fetch(request)),
    upstreamTimeout: integer(options.upstreamTimeout, 'upstreamTimeout', 1, MAX_TIMER, 60_000),
    heartbeatInterval: integer(
      options.heartbeatInterval,
      'heartbeatInterval',
      1,
      MAX_TIMER,
      15_000,
    ),
    quotaStore: options.quotaStore,
    messageStore: options.messageStore,
    dedupeStore: options.dedupeStore,
    onError: options.onError,
  }
}
