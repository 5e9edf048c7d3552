/**
 * Finds the browser's token on a request and verifies it, or builds the 401 that says why not.
 */
import type { ProxyContext } from './context.ts'
import { errorResponse } from './envelope.ts'
import { type TokenClaims, type TokenFailureCode, verifyToken } from './token.ts'

const BEARER = /^Bearer +([A-Za-z0-9._~+/=-]+) *$/i

/** Where a route accepts the token: the `Authorization` header, and for `GET /events` `?token=`. */
export interface TokenSources {
  /** Also read `?token=` (EventSource cannot set headers). Only for the event stream. */
  readonly query: boolean
}

/** The token of `request`, or `undefined` when it carries none. */
export function findToken(request: Request, sources: TokenSources): string | undefined {
  const header = request.headers.get('authorization')
  if (header !== null) return BEARER.exec(header)?.[1] ?? ''
  if (!sources.query) return undefined
  return new URL(request.url).searchParams.get('token') ?? undefined
}

/** The 401 answer for a token failure, with the RFC 6750 challenge. */
export function tokenRefusal(code: TokenFailureCode, message: string): Response {
  return errorResponse({
    status: 401,
    type: 'authentication_error',
    code,
    message,
    headers: {
      'WWW-Authenticate':
        code === 'missing_token'
          ? 'Bearer realm="kirim-proxy"'
          : 'Bearer realm="kirim-proxy", error="invalid_token"',
    },
  })
}

/** The verified claims of the request's token, or the 401 to answer. */
export async function authenticate(
  context: ProxyContext,
  request: Request,
  sources: TokenSources = { query: false },
): Promise<TokenClaims | Response> {
  const token = findToken(request, sources)
  if (token === undefined) {
    return tokenRefusal(
      'missing_token',
      sources.query
        ? 'Send the token from POST /token as "Authorization: Bearer <token>" or ?token=<token>.'
        : 'Send the token from POST /token as "Authorization: Bearer <token>".',
    )
  }
  if (token === '') {
    return tokenRefusal('malformed_token', 'The Authorization header must be "Bearer <token>".')
  }
  const result = await verifyToken(await context.keyring(), token)
  return result.ok ? result.claims : tokenRefusal(result.code, result.message)
}
