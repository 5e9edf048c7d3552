import { tokenUrlIssuer } from '../auth/fetchToken.ts'
import { redactIssues } from '../auth/redactIssues.ts'
import { TokenCache } from '../auth/TokenCache.ts'
import { ValidationError } from '../errors/ValidationError.ts'
import type { Credentials } from '../http/Credentials.ts'
import { DEFAULT_BASE_URL } from '../http/defaultBaseUrl.ts'
import type { HttpClientOptions } from '../http/HttpClient.ts'
import {
  type Check,
  checkFunction,
  checkMaxRetries,
  checkTimeout,
  issue,
  issuesOf,
} from '../internal/checkOptions.ts'
import { checkSecret } from '../internal/checkSecrets.ts'
import { isBrowser } from '../internal/environment.ts'
import { describeValue, E164_REGEX, TokenResponseSchema, validate } from '../schemas/index.ts'
import type { KirimOptions } from '../types/options.ts'

/** The client's options with every default applied, checked. */
export interface ResolvedOptions extends HttpClientOptions {
  readonly from: string | undefined
  readonly credentials: Credentials
  /** What `kirim.token()` hands out: the same cache, or nothing for an API key (never exposed). */
  readonly tokens: Credentials | undefined
}

// Absolute http(s), or (in a browser, where the page is the base) relative.
const checkUrl = (path: string, value: unknown): Check => {
  try {
    if (/^https?:$/.test(new URL(value as string).protocol)) return true
  } catch {
    if (isBrowser() && typeof value === 'string' && value !== '') return true
  }
  const url = `an absolute http(s) URL${isBrowser() ? ' or a path' : ''}`
  return issue(path, `must be ${url} (got ${describeValue(value)})`)
}

// Set per request by the client: a fixed Idempotency-Key would make every send one send.
const CLIENT_HEADERS = /^(authorization|idempotency-key)$/i

const checkHeaders = (headers: unknown): Check[] =>
  typeof headers !== 'object' || headers === null
    ? [issue('headers', 'must be an object of strings')]
    : Object.entries(headers).map(
        ([name, value]) =>
          (typeof value === 'string' && !CLIENT_HEADERS.test(name)) ||
          issue(
            `headers.${name}`,
            typeof value === 'string'
              ? 'is set by the client'
              : `must be a string (got ${typeof value})`,
          ),
      )

/**
 * Checks `new Kirim(options)` and fills in the defaults, or throws one `ValidationError` listing
 * every problem. The secret (`apiKey`, `token`) is never quoted in it.
 */
export const resolveOptions = (options: KirimOptions): ResolvedOptions => {
  if (typeof options !== 'object' || options === null) {
    throw new ValidationError([issue('', 'must be an options object')], 'Kirim options')
  }
  const { apiKey, token, tokenUrl, baseUrl = DEFAULT_BASE_URL, from, timeout, maxRetries } = options
  const given = (['apiKey', 'token', 'tokenUrl'] as const).filter(
    (name) => options[name] !== undefined,
  )
  const issues = issuesOf(
    given.length === 1 ||
      issue(
        '',
        `needs exactly one of apiKey, token or tokenUrl (got ${given.join(' and ') || 'none'})`,
      ),
    apiKey === undefined || checkSecret('apiKey', apiKey),
    apiKey === undefined ||
      !isBrowser() ||
      options.dangerouslyAllowBrowser === true ||
      issue(
        'apiKey',
        'must not be used in a browser, where anyone can read it: use tokenUrl, or set dangerouslyAllowBrowser',
      ),
    token === undefined || typeof token === 'function' || checkSecret('token', token),
    tokenUrl === undefined || checkUrl('tokenUrl', tokenUrl),
    checkUrl('baseUrl', baseUrl),
    from === undefined ||
      (typeof from === 'string' && E164_REGEX.test(from)) ||
      issue('from', `must be an E.164 phone number with a leading + (got ${describeValue(from)})`),
    checkTimeout('timeout', timeout),
    checkMaxRetries('maxRetries', maxRetries),
    checkFunction('fetch', options.fetch),
    ...(options.headers === undefined ? [] : checkHeaders(options.headers)),
  )
  if (issues.length > 0) throw new ValidationError(issues, 'Kirim options')

  const resolved = {
    baseUrl,
    timeout: timeout ?? 30_000,
    maxRetries: maxRetries ?? 3,
    fetch: options.fetch,
    headers: { ...options.headers },
  }
  // A fixed credential is a token that never expires and is never refreshed; a token function
  // is the caller's code, so its answer gets the same check as the token endpoint's.
  const credentials =
    apiKey !== undefined || typeof token === 'string'
      ? new TokenCache(
          async () => ({ token: (apiKey ?? token) as string, expiresIn: Infinity }),
          false,
        )
      : token
        ? new TokenCache(async () => {
            const { output, issues } = validate(TokenResponseSchema, await token())
            if (output) return output
            throw new ValidationError(redactIssues(issues), 'token function result')
          })
        : new TokenCache(tokenUrlIssuer(tokenUrl as string, resolved))
  return { ...resolved, from, credentials, tokens: apiKey === undefined ? credentials : undefined }
}
