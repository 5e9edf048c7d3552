/**
 * The demo's notion of "who is calling": one anonymous session per browser, kept in an HttpOnly
 * cookie set on page loads. The proxy's `authorize` turns it into the token's subject, so each
 * browser sees only the statuses of the messages it sent, and the demo's feed keys on the same
 * subject.
 */
import type { AuthorizeResult } from '@kirim/core/proxy'

/** The session cookie's name. */
export const SESSION_COOKIE = 'kirim_demo_sid'

/** What a demo session may send: every type (a scope without `types`), 100 sends per token. */
const MAX_SENDS_PER_TOKEN = 100

const SESSION_ID = /^[A-Za-z0-9_-]{32,64}$/

/** The session id in a `Cookie` header, or `undefined` when there is none (or a forged one). */
export function sessionIdOf(cookieHeader: string | null | undefined): string | undefined {
  if (!cookieHeader) return undefined
  for (const pair of cookieHeader.split(';')) {
    const separator = pair.indexOf('=')
    if (separator === -1 || pair.slice(0, separator).trim() !== SESSION_COOKIE) continue
    const value = pair.slice(separator + 1).trim()
    return SESSION_ID.test(value) ? value : undefined
  }
  return undefined
}

const base64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')

/** A fresh session id: 24 random bytes, base64url. */
export function newSessionId(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(24)))
}

/** The `Set-Cookie` value for a new session: HttpOnly, SameSite=Lax, for the whole site. */
export function sessionCookie(id: string, { secure }: { secure: boolean }): string {
  return `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`
}

/** Whether a request is a page load (a navigation to an HTML page), which gets the cookie. */
export function isPageLoad(request: {
  readonly method: string | undefined
  readonly accept: string | undefined
  readonly fetchDest: string | undefined
}): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false
  if (request.fetchDest !== undefined) return request.fetchDest === 'document'
  return request.accept?.includes('text/html') ?? false
}

/**
 * The subject of the caller's session, or `undefined` without one: a hash of the session id,
 * because tokens (which carry it) are readable by page scripts and the cookie is not. The proxy's
 * tokens and the demo's feed both key on it.
 */
export async function sessionSubject(
  cookieHeader: string | null | undefined,
): Promise<string | undefined> {
  const id = sessionIdOf(cookieHeader)
  if (id === undefined) return undefined
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(id))
  // 128 bits of the hash: enough to keep sessions apart, short enough for a token claim.
  return `session_${base64url(new Uint8Array(digest).slice(0, 16))}`
}

/** The proxy's `authorize`: the caller's session, or `null` without one. */
export async function authorizeSession(request: Request): Promise<AuthorizeResult> {
  const subject = await sessionSubject(request.headers.get('cookie'))
  return subject === undefined ? null : { subject, scope: { maxSends: MAX_SENDS_PER_TOKEN } }
}
