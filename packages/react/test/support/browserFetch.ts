/** One request the page made, as the test saw it leave. */
export interface LoggedRequest {
  readonly method: string
  readonly url: URL
  readonly headers: Headers
}

const NULL_BODY = new Set([101, 204, 205, 304])

/**
 * The page's `fetch` (happy-dom's: real HTTP, CORS enforced) with every request logged, so a
 * test can count what was sent.
 *
 * happy-dom 21's `Response.clone()` hands back empty bodies for network responses, and the
 * client's HTTP layer (ky) clones every response: the body is read once here into a fresh
 * `Response`, whose clones work. Nothing else changes: same status, headers and bytes.
 */
export function createBrowserFetch(): { fetch: typeof fetch; requests: LoggedRequest[] } {
  const requests: LoggedRequest[] = []
  const browserFetch: typeof fetch = async (input, init) => {
    const request = input instanceof Request ? input : undefined
    requests.push({
      method: (init?.method ?? request?.method ?? 'GET').toUpperCase(),
      url: new URL(request?.url ?? String(input), window.location.href),
      headers: new Headers(init?.headers ?? request?.headers),
    })
    const response = await fetch(input, init)
    const body = NULL_BODY.has(response.status) ? null : await response.arrayBuffer()
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    })
  }
  return { fetch: browserFetch, requests }
}
