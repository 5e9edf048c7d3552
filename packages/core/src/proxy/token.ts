/**
 * The proxy's tokens: HS256 JWTs (RFC 7519) made and checked with `jose`.
 *
 * - Header: `alg: HS256` (the only algorithm accepted on verify: `none`, `HS512`, `RS256` … are
 *   refused before any key is used), `typ: kirim-proxy+jwt` (explicit typing, RFC 8725 §3.11, so a
 *   JWT minted for something else with the same secret is not accepted here), and `kid`.
 * - `kid` is derived from the secret (a truncated SHA-256 under a domain label), so several secrets
 *   can verify side by side during a rotation, and removing a secret invalidates exactly its tokens.
 * - Claims: `iss` and `aud` (both `urn:kirim:proxy`), `sub`, `iat`, `exp`, `jti`, and `scope`.
 */
import { base64url, errors, jwtVerify, SignJWT } from 'jose'
import { hmacKey } from '../internal/hmacKey.ts'
import type { ProxyErrorCode } from './errors.ts'
import { readScope, type Scope } from './scope.ts'

/** The `iss` and `aud` of every proxy token. */
export const TOKEN_ISSUER = 'urn:kirim:proxy'
/** The `typ` header of every proxy token. */
export const TOKEN_TYPE = 'kirim-proxy+jwt'
/** The longest lifetime a token may have, in seconds. */
export const MAX_TOKEN_TTL = 3600
/** The longest token accepted, in characters: far above any real scope, far below header limits. */
export const MAX_TOKEN_LENGTH = 8192
/** Seconds of clock skew between proxy instances tolerated on `iat` and `exp`. */
export const CLOCK_TOLERANCE = 5

const KID_LABEL = 'kirim-proxy-kid\0'
const encoder = new TextEncoder()

/** A verified token's claims. */
export interface TokenClaims {
  readonly sub: string
  readonly jti: string
  /** Seconds since the epoch. */
  readonly iat: number
  /** Seconds since the epoch. */
  readonly exp: number
  readonly scope: Scope | undefined
}

/** The keys of a proxy: the first signs, all verify, each found by its `kid`. */
export interface Keyring {
  readonly signing: { readonly kid: string; readonly key: CryptoKey }
  readonly verifying: ReadonlyMap<string, CryptoKey>
}

/** Why a token was refused (HTTP 401, type `authentication_error`). */
export type TokenFailureCode = Extract<
  ProxyErrorCode,
  'missing_token' | 'malformed_token' | `token_${string}`
>

/** The outcome of {@link verifyToken}: without a `message`, the catalogue's says it. */
export type TokenVerification =
  | { readonly ok: true; readonly claims: TokenClaims }
  | { readonly ok: false; readonly code: TokenFailureCode; readonly message?: string }

/** The `kid` of a secret: 16 base64url characters of SHA-256 over a label and the secret. */
export async function deriveKid(secret: string): Promise<string> {
  const bytes = encoder.encode(KID_LABEL + secret)
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
  return base64url.encode(digest.subarray(0, 12))
}

/** Imports the secrets as non-extractable HMAC keys, the first one for signing. */
export async function importKeyring(secrets: readonly [string, ...string[]]): Promise<Keyring> {
  const entries = await Promise.all(
    secrets.map(async (secret) => {
      return [await deriveKid(secret), await hmacKey(secret)] as const
    }),
  )
  const [kid, key] = entries[0]!
  return { signing: { kid, key }, verifying: new Map(entries) }
}

/** What {@link mintToken} puts in a token. */
export interface MintInput {
  readonly subject: string
  readonly scope: Scope | undefined
  /** Lifetime in seconds. */
  readonly ttl: number
  /** Seconds since the epoch. @default now */
  readonly now?: number
}

/** Signs a token for `subject` with the keyring's signing key. */
export async function mintToken(keyring: Keyring, input: MintInput): Promise<string> {
  const iat = input.now ?? Math.floor(Date.now() / 1000)
  const payload = input.scope === undefined ? {} : { scope: input.scope }
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: TOKEN_TYPE, kid: keyring.signing.kid })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_ISSUER)
    .setSubject(input.subject)
    .setIssuedAt(iat)
    .setExpirationTime(iat + input.ttl)
    .setJti(crypto.randomUUID())
    .sign(keyring.signing.key)
}

/** Thrown inside the key lookup, so that an unknown `kid` is told apart from a bad signature. */
class UnknownKeyError extends Error {}

const fail = (code: TokenFailureCode, message?: string): TokenVerification =>
  message === undefined ? { ok: false, code } : { ok: false, code, message }

/**
 * Verifies a token: its form, algorithm, key, signature, type, issuer, audience, lifetime and
 * scope, in that order (nothing from the payload is trusted before the signature is checked).
 * Never throws for a bad token; rethrows only what is not about the token.
 */
export async function verifyToken(keyring: Keyring, token: string): Promise<TokenVerification> {
  if (token.length > MAX_TOKEN_LENGTH) {
    return fail('malformed_token', `The token is longer than ${MAX_TOKEN_LENGTH} characters.`)
  }
  let payload: Record<string, unknown>
  try {
    ;({ payload } = await jwtVerify(
      token,
      (header) => {
        const key = typeof header.kid === 'string' ? keyring.verifying.get(header.kid) : undefined
        if (key === undefined) throw new UnknownKeyError()
        return key
      },
      {
        algorithms: ['HS256'],
        typ: TOKEN_TYPE,
        issuer: TOKEN_ISSUER,
        audience: TOKEN_ISSUER,
        requiredClaims: ['sub', 'jti', 'iat', 'exp'],
        // Instances of one deployment share secrets but not clocks: a token minted on one whose
        // clock runs a little ahead must still verify on the others.
        clockTolerance: CLOCK_TOLERANCE,
        // Also refuses an `iat` in the future; `exp` is checked on its own.
        maxTokenAge: MAX_TOKEN_TTL,
      },
    ))
  } catch (error) {
    if (error instanceof UnknownKeyError) {
      return fail('token_key_unknown')
    }
    if (error instanceof errors.JWTExpired) return fail('token_expired')
    if (error instanceof errors.JOSEAlgNotAllowed) return fail('token_algorithm_not_allowed')
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      return fail('token_signature_invalid')
    }
    if (error instanceof errors.JWTClaimValidationFailed) {
      return fail('token_claims_invalid', `The token is not a proxy token: ${error.message}.`)
    }
    if (
      error instanceof errors.JWSInvalid ||
      error instanceof errors.JWTInvalid ||
      error instanceof errors.JOSENotSupported
    ) {
      return fail('malformed_token', 'The token is not a well-formed JWT.')
    }
    throw error
  }
  const { sub, jti, iat, exp } = payload
  if (typeof sub !== 'string' || sub === '' || typeof jti !== 'string' || jti === '') {
    return fail('token_claims_invalid', 'The token must carry a non-empty "sub" and "jti".')
  }
  if (typeof iat !== 'number' || typeof exp !== 'number' || exp - iat > MAX_TOKEN_TTL) {
    return fail('token_claims_invalid', `The token lives longer than ${MAX_TOKEN_TTL} seconds.`)
  }
  const read = readScope(payload.scope)
  if ('problem' in read) return fail('token_claims_invalid', `The token's ${read.problem}.`)
  return { ok: true, claims: { sub, jti, iat, exp, scope: read.scope } }
}
