import type { TokenSource } from './StatusStream.ts'

// Refresh a fifth of the lifetime early (at most 30 s), so a token never expires mid-connect.
const refreshMargin = (lifetimeMs: number): number => Math.min(30_000, lifetimeMs / 5)

const isTokenResponse = (value: unknown): value is { token: string; expiresIn: number } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { token?: unknown }).token === 'string' &&
  typeof (value as { expiresIn?: unknown }).expiresIn === 'number'

/**
 * The event stream's token when the provider's client has none to share (an API-key client):
 * minted by the proxy's own token route, the sibling of the stream (`POST <basePath>/token` beside
 * `GET <basePath>/events`, as `createProxy` lays them out), with the page's session cookie
 * (`credentials: 'include'`), exactly as the client's `tokenUrl` does. Kept until shortly before
 * it expires; a token the proxy refused is dropped.
 */
export function proxyTokenSource(
  eventsUrl: string,
  fetchFn: typeof fetch | undefined,
): TokenSource {
  let current: { readonly token: string; readonly refreshAt: number } | undefined
  return async (rejected, signal) => {
    if (rejected !== undefined && current?.token === rejected) current = undefined
    if (current !== undefined && performance.now() < current.refreshAt) return current.token
    const base = typeof location === 'undefined' ? undefined : location.href
    const tokenUrl = new URL('token', new URL(eventsUrl, base))
    const startedAt = performance.now()
    const response = await (fetchFn ?? globalThis.fetch)(tokenUrl, {
      method: 'POST',
      headers: { accept: 'application/json' },
      credentials: 'include',
      signal,
    })
    const body: unknown = await response.json().catch(() => undefined)
    if (!response.ok || !isTokenResponse(body)) {
      throw new Error(`POST ${tokenUrl.href} answered ${response.status} without a token`)
    }
    const lifetime = body.expiresIn * 1000
    current = { token: body.token, refreshAt: startedAt + lifetime - refreshMargin(lifetime) }
    return body.token
  }
}
