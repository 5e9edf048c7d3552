/**
 * `createProxy`'s options checked at construction, every broken rule at once in one
 * `ValidationError` (a secret is never quoted), and the defaults applied.
 */
import { DEFAULT_BASE_URL } from '../http/defaultBaseUrl.ts'
import {
  assertOptions,
  type Check,
  checkFunction,
  checkKnownKeys,
  checkMethods,
  checkTimeout,
  checkWholeNumber,
  issue,
} from '../internal/checkOptions.ts'
import { checkSecret, checkSecrets } from '../internal/checkSecrets.ts'
import { describeValue } from '../schemas/describe.ts'
import type { DedupeStore } from '../webhooks/index.ts'
import type { ProxySettings } from './context.ts'
import type { ProxyOptions } from './options.ts'
import type { MessageStore, QuotaStore } from './stores.ts'
import { MAX_TOKEN_TTL } from './token.ts'

/** The options after validation, with defaults applied. */
export interface ResolvedOptions extends ProxySettings {
  readonly apiKey: string
  readonly baseUrl: string
  readonly tokenSecrets: readonly [string, ...string[]]
  readonly allowedOrigins: readonly string[] | undefined
  readonly basePath: string
  readonly fetch: (request: Request) => Promise<Response>
  readonly upstreamTimeout: number
  readonly quotaStore: QuotaStore | undefined
  readonly messageStore: MessageStore | undefined
  readonly dedupeStore: DedupeStore | undefined
  readonly onError: ProxyOptions['onError']
}

/** The default base path. */
export const DEFAULT_BASE_PATH = '/api/kirim'
/** The fewest bytes a token secret may have: HS256's key size (RFC 7518 §3.2). */
export const MIN_SECRET_BYTES = 32

const KNOWN: readonly (keyof ProxyOptions)[] = [
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
]

const SEGMENT = "[A-Za-z0-9._~!$&'()*+,;=:@-]+"
const BASE_PATH = new RegExp(`^/(?:${SEGMENT}(?:/${SEGMENT})*)?/?$`)
const DOT_SEGMENT = /(?:^|\/)\.{1,2}(?:\/|$)/

const parseUrl = (value: unknown): URL | undefined => {
  try {
    return typeof value === 'string' ? new URL(value) : undefined
  } catch {
    return undefined
  }
}
const isHttp = (url: URL | undefined): url is URL =>
  url !== undefined && (url.protocol === 'https:' || url.protocol === 'http:')

const checkBaseUrl = (value: unknown): Check => {
  if (value === undefined) return true
  const url = parseUrl(value)
  if (!isHttp(url)) {
    return issue('baseUrl', `must be an absolute http(s) URL (got ${describeValue(value)})`)
  }
  return (
    (url.username === '' && url.password === '' && url.search === '' && url.hash === '') ||
    issue('baseUrl', 'must not carry credentials, a query or a fragment')
  )
}

const checkBasePath = (value: unknown): Check =>
  value === undefined ||
  (typeof value === 'string' && BASE_PATH.test(value) && !DOT_SEGMENT.test(value)) ||
  issue(
    'basePath',
    `must be a path like '/api/kirim': a leading /, no query, no encoded characters, no empty or dot segments (got ${describeValue(value)})`,
  )

const checkOrigins = (value: unknown): Check[] => {
  if (value === undefined) return []
  if (!Array.isArray(value)) {
    return [issue('allowedOrigins', `must be an array of origins (got ${describeValue(value)})`)]
  }
  return value.map(
    (origin: unknown, index) =>
      (typeof origin === 'string' &&
        !origin.includes('*') &&
        parseUrl(origin)?.origin === origin &&
        isHttp(parseUrl(origin))) ||
      issue(
        `allowedOrigins[${index}]`,
        `must be an exact origin like 'https://app.example.com' (scheme and host, no path, no trailing slash, no wildcard; got ${describeValue(origin)})`,
      ),
  )
}

/** Each secret of a list once; and never the API key, which must stay the proxy's alone. */
const checkReuse = (path: string, value: unknown, apiKey: unknown): Check[] => {
  const list: unknown[] = typeof value === 'string' ? [value] : Array.isArray(value) ? value : []
  return [
    ...list.map(
      (secret, index) =>
        list.indexOf(secret) === index || issue(`${path}[${index}]`, 'repeats an earlier secret'),
    ),
    typeof apiKey !== 'string' || !list.includes(apiKey) || issue(path, 'must not be the API key'),
  ]
}

/** Every rule of every option, in the order `ProxyOptions` documents them. */
function optionChecks(options: ProxyOptions): Check[] {
  const { apiKey, tokenSecret, webhookSecret } = options
  return [
    ...checkKnownKeys(options, KNOWN),
    checkSecret('apiKey', apiKey),
    checkBaseUrl(options.baseUrl),
    ...checkSecrets('tokenSecret', tokenSecret, MIN_SECRET_BYTES),
    ...checkReuse('tokenSecret', tokenSecret, apiKey),
    ...(webhookSecret === undefined
      ? []
      : [
          ...checkSecrets('webhookSecret', webhookSecret),
          ...checkReuse('webhookSecret', webhookSecret, apiKey),
        ]),
    checkFunction('authorize', options.authorize, true),
    ...checkOrigins(options.allowedOrigins),
    checkBasePath(options.basePath),
    checkWholeNumber('tokenTtl', options.tokenTtl, 1, MAX_TOKEN_TTL),
    checkFunction('fetch', options.fetch),
    checkTimeout('upstreamTimeout', options.upstreamTimeout),
    checkTimeout('heartbeatInterval', options.heartbeatInterval),
    checkMethods('quotaStore', options.quotaStore, ['consume', 'refund']),
    checkMethods('messageStore', options.messageStore, ['get', 'findByProviderId', 'put']),
    checkMethods('dedupeStore', options.dedupeStore, ['add', 'delete']),
    checkFunction('onError', options.onError),
  ]
}

/** Checks `options` and applies the defaults; throws one `ValidationError` listing every issue. */
export function resolveOptions(options: ProxyOptions): ResolvedOptions {
  assertOptions('createProxy options', options, () => optionChecks(options))
  const { apiKey, tokenSecret, webhookSecret } = options
  const upstreamFetch = options.fetch
  const list = (secrets: string | readonly string[]) =>
    (typeof secrets === 'string' ? [secrets] : [...secrets]) as [string, ...string[]]
  return {
    apiKey,
    baseUrl: new URL(options.baseUrl ?? DEFAULT_BASE_URL).href.replace(/\/+$/, ''),
    tokenSecrets: list(tokenSecret),
    authorize: options.authorize,
    allowedOrigins:
      options.allowedOrigins === undefined ? undefined : Object.freeze([...options.allowedOrigins]),
    webhookSecrets: webhookSecret === undefined ? undefined : list(webhookSecret),
    basePath: (options.basePath ?? DEFAULT_BASE_PATH).replace(/\/$/, ''),
    tokenTtl: options.tokenTtl ?? 300,
    // Looked up at call time, so a fetch patched after construction (tests, instrumentation) is used.
    fetch: upstreamFetch ?? ((request) => globalThis.fetch(request)),
    upstreamTimeout: options.upstreamTimeout ?? 60_000,
    heartbeatInterval: options.heartbeatInterval ?? 15_000,
    quotaStore: options.quotaStore,
    messageStore: options.messageStore,
    dedupeStore: options.dedupeStore,
    onError: options.onError,
  }
}
