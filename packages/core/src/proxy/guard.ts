/**
 * What a route asks of a request before its handler runs: nothing (webhooks, server to server
 * and signed), the origin check (the CSRF rule of `originPolicy.ts`), or that and a verified
 * token, whose absence or failure is the 401 that says why.
 */
import type { ProxyContext } from './context.ts'
import { refuse } from './errors.ts'
import { type TokenClaims, type TokenFailureCode, verifyToken } from './token.ts'

/**
 * - `none`: server to server, authenticated by its own means (a webhook's signature).
 * - `origin`: a browser route without a token (`POST /token`).
 * - `token`: the origin check, then `Authorization: Bearer <token>`.
 * - `token or query`: the same, or `?token=` (EventSource cannot set headers).
 */
export type Guard = 'none' | 'origin' | 'token' | 'token or query'

/** What a guard establishes: the token's claims for the token guards. */
export type ClaimsOf<G extends Guard> = G extends 'token' | 'token or query'
  ? TokenClaims
  : undefined

const BEARER = /^Bearer +([A-Za-z0-9._~+/=-]+) *$/i

/** The token of `request`, `''` for an `Authorization` that is not a bearer token, or `undefined`. */
export function findToken(request: Request, query: boolean): string | undefined {
  const header = request.headers.get('authorization')
  if (header !== null) return BEARER.exec(header)?.[1] ?? ''
  if (!query) return undefined
  return new URL(request.url).searchParams.get('token') ?? undefined
}

/** The 401 answer for a token failure, with the RFC 6750 challenge. */
function tokenRefusal(code: TokenFailureCode, message?: string): Response {
  return refuse(code, {
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
async function authenticate(
  context: ProxyContext,
  request: Request,
  query: boolean,
): Promise<TokenClaims | Response> {
  const token = findToken(request, query)
  if (token === undefined) {
    return tokenRefusal(
      'missing_token',
      query
        ? 'Send the token from POST /token as "Authorization: Bearer <token>" or ?token=<token>.'
        : undefined,
    )
  }
  if (token === '') return tokenRefusal('malformed_token')
  const result = await verifyToken(await context.keyring(), token)
  return result.ok ? result.claims : tokenRefusal(result.code, result.message)
}

/**
 * Runs `guard` on `request`: the token's claims (for the token guards; else `undefined`), or the
 * refusal to answer instead.
 */
export async function passGuard(
  context: ProxyContext,
  request: Request,
  guard: Guard,
): Promise<TokenClaims | undefined | Response> {
  if (guard === 'none') return undefined
  const refused = context.origins.check(request)
  if (refused !== undefined) return refused
  if (guard === 'origin') return undefined
  return authenticate(context, request, guard === 'token or query')
}
