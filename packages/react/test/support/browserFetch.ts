/** One request the page made, as the test saw it leave. */
export interface LoggedRequest {
  readonly method: string
  readonly url: URL
  readonly headers: Headers
}

/** The page's fetch functions and what they sent. */
export interface BrowserFetch {
  /** For the Kirim client: buffered (see {@link createBrowserFetch}). */
  readonly fetch: typeof fetch
  /** For the event stream: the body streams as it arrives. */
  readonly streamFetch: typeof fetch
  /** Every request, oldest first. */
  readonly requests: LoggedRequest[]
  /** Everything the event streams delivered so far, as text. */
  streamed(): string
  /** How many `method` requests went to a path equal to (or matching) `path`. */
  count(method: string, path: string | RegExp): number
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
export function createBrowserFetch(): BrowserFetch {
  const requests: LoggedRequest[] = []
  const streamed: string[] = []
  const logged: typeof fetch = (input, init) => {
    const request = input instanceof Request ? input : undefined
    requests.push({
      method: (init?.method ?? request?.method ?? 'GET').toUpperCase(),
      url: new URL(request?.url ?? String(input), window.location.href),
      headers: new Headers(init?.headers ?? request?.headers),
    })
    return fetch(input, init)
  }
  const streamFetch: typeof fetch = async (input, init) => {
    const response = await logged(input, init)
    if (response.body === null) return response
    const decoder = new TextDecoder()
    const tee = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        streamed.push(decoder.decode(chunk, { stream: true }))
        controller.enqueue(chunk)
      },
    })
    return new Response(response.body.pipeThrough(tee), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    })
  }
  const browserFetch: typeof fetch = async (input, init) => {
    const response = await logged(input, init)
    const body = NULL_BODY.has(response.status) ? null : await response.arrayBuffer()
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    })
  }
  const count = (method: string, path: string | RegExp): number =>
    requests.filter(
      (request) =>
        request.method === method &&
        (typeof path === 'string'
          ? request.url.pathname === path
          : path.test(request.url.pathname)),
    ).length
  return { fetch: browserFetch, streamFetch, requests, count, streamed: () => streamed.join('') }
}
