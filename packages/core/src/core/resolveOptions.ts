import type { Credentials } from '../auth/Credentials.ts'
import { tokenUrlIssuer } from '../auth/fetchToken.ts'
import { isHeaderSafe } from '../auth/isHeaderSafe.ts'
import { StaticCredentials } from '../auth/StaticCredentials.ts'
import { type IssuedToken, TokenCache } from '../auth/TokenCache.ts'
import { ValidationError, type ValidationIssue } from '../errors/ValidationError.ts'
import { E164_REGEX, parseOrThrow, TokenResponseSchema } from '../schemas/index.ts'
import type { KirimOptions } from '../types/options.ts'
import { maxRetriesIssues, timeoutIssues } from './checkOptions.ts'
import { isBrowser } from './environment.ts'

/** The default `baseUrl`. */
export const defaultBaseUrl = 'https://api-kckit.kirim.chat'

/** The client's options with every default applied, checked. */
export interface ResolvedOptions {
  readonly baseUrl: string
  readonly from: string | undefined
  readonly timeout: number
  readonly maxRetries: number
  readonly fetch: typeof fetch | undefined
  readonly headers: Readonly<Record<string, string>>
  readonly credentials: Credentials
}

// Absolute http(s), or (in a browser, where the page is the base) relative.
const isUsableUrl = (value: string): boolean => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol)
  } catch {
    return isBrowser() && value !== ''
  }
}

const urlIssues = (path: string, value: unknown): ValidationIssue[] =>
  typeof value === 'string' && isUsableUrl(value)
    ? []
    : [
        {
          path,
          message: `must be an absolute http(s) URL${isBrowser() ? ' or a path' : ''} (got ${
            typeof value === 'string' ? JSON.stringify(value) : String(value)
          })`,
        },
      ]

// The secret itself is never quoted back: it would end up in logs.
const secretIssues = (path: string, value: unknown): ValidationIssue[] =>
  typeof value === 'string' && isHeaderSafe(value)
    ? []
    : [{ path, message: 'must be a non-empty string of visible ASCII characters (no spaces)' }]

/**
 * Checks `new Kirim(options)` and fills in the defaults, or throws one `ValidationError` listing
 * every problem. The secret (`apiKey`, `token`) is never quoted in it.
 */
export const resolveOptions = (options: KirimOptions): ResolvedOptions => {
  if (typeof options !== 'object' || options === null) {
    throw new ValidationError([{ path: '', message: 'must be an options object' }], 'Kirim options')
  }
  const {
    apiKey,
    token,
    tokenUrl,
    baseUrl = defaultBaseUrl,
    from,
    timeout,
    maxRetries,
    headers,
  } = options
  const issues: ValidationIssue[] = []

  const given = (['apiKey', 'token', 'tokenUrl'] as const).filter(
    (name) => options[name] !== undefined,
  )
  if (given.length !== 1) {
    issues.push({
      path: '',
      message: `needs exactly one of apiKey (server side), token or tokenUrl (browser) (got ${
        given.length === 0 ? 'none' : given.join(' and ')
      })`,
    })
  }
  if (apiKey !== undefined) {
    issues.push(...secretIssues('apiKey', apiKey))
    if (isBrowser() && options.dangerouslyAllowBrowser !== true) {
      issues.push({
        path: 'apiKey',
        message:
          'must not be used in a browser, where every visitor can read it: use tokenUrl with the ' +
          '@kirim/core/proxy endpoint, or pass dangerouslyAllowBrowser: true for an internal tool',
      })
    }
  }
  if (token !== undefined && typeof token !== 'function')
    issues.push(...secretIssues('token', token))
  if (tokenUrl !== undefined) issues.push(...urlIssues('tokenUrl', tokenUrl))
  issues.push(...urlIssues('baseUrl', baseUrl))
  if (from !== undefined && !(typeof from === 'string' && E164_REGEX.test(from))) {
    issues.push({
      path: 'from',
      message: `must be an E.164 phone number with a leading + (got ${JSON.stringify(from)})`,
    })
  }
  issues.push(...timeoutIssues('timeout', timeout), ...maxRetriesIssues('maxRetries', maxRetries))
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    issues.push({ path: 'fetch', message: 'must be a fetch function' })
  }
  if (headers !== undefined) {
    if (typeof headers !== 'object' || headers === null) {
      issues.push({
        path: 'headers',
        message: 'must be an object of header names to string values',
      })
    } else {
      for (const [name, value] of Object.entries(headers)) {
        if (typeof value !== 'string') {
          issues.push({
            path: `headers.${name}`,
            message: `must be a string (got ${typeof value})`,
          })
        }
        if (name.toLowerCase() === 'authorization') {
          issues.push({
            path: `headers.${name}`,
            message: 'is set by the client from apiKey, token or tokenUrl',
          })
        }
      }
    }
  }
  if (issues.length > 0) throw new ValidationError(issues, 'Kirim options')

  const resolved = {
    baseUrl,
    from,
    timeout: timeout ?? 30_000,
    maxRetries: maxRetries ?? 3,
    fetch: options.fetch,
    headers: { ...headers },
  }
  return { ...resolved, credentials: credentialsFor(options, resolved) }
}

const credentialsFor = (
  options: KirimOptions,
  resolved: Omit<ResolvedOptions, 'credentials'>,
): Credentials => {
  if (options.apiKey !== undefined) return new StaticCredentials(options.apiKey)
  if (typeof options.token === 'string') return new StaticCredentials(options.token)
  if (typeof options.token === 'function') {
    const issue = options.token
    return new TokenCache(
      async (): Promise<IssuedToken> => checkIssued(await issue(), 'token function result'),
    )
  }
  const fetchToken = tokenUrlIssuer({ ...resolved, tokenUrl: options.tokenUrl as string })
  return new TokenCache(fetchToken)
}

// The token function is the caller's code: its answer gets the same check as the endpoint's.
const checkIssued = (value: unknown, what: string): IssuedToken => {
  const issued = parseOrThrow(TokenResponseSchema, value, what)
  if (!isHeaderSafe(issued.token))
    throw new ValidationError(secretIssues('token', issued.token), what)
  return issued
}
