import { request as httpRequest } from 'node:http'

const NULL_BODY = new Set([101, 204, 205, 304])

/**
 * A `fetch` for server-to-server hops (the proxy calling the emulator, the emulator delivering
 * webhooks to the proxy) over real HTTP with `node:http`. The test environment's global `fetch`
 * is happy-dom's browser fetch (CORS, an `Origin` of its page), which a server must not use.
 */
export const nodeFetch = async (
  input: string | URL | Request,
  init: RequestInit = {},
): Promise<Response> => {
  const request = input instanceof Request ? input : undefined
  const url = request?.url ?? String(input)
  const method = init.method ?? request?.method ?? 'GET'
  const headers = new Headers(init.headers ?? request?.headers)
  const signal = init.signal ?? request?.signal
  let body: Uint8Array | undefined
  if (init.body !== undefined && init.body !== null) {
    body = new Uint8Array(await new Response(init.body).arrayBuffer())
  } else if (request !== undefined && method !== 'GET' && method !== 'HEAD') {
    body = new Uint8Array(await request.arrayBuffer())
  }
  return await new Promise<Response>((resolve, reject) => {
    const outgoing: Record<string, string> = {}
    headers.forEach((value, name) => {
      outgoing[name] = value
    })
    const req = httpRequest(url, { method, headers: outgoing }, (res) => {
      const chunks: Uint8Array[] = []
      res.on('data', (chunk: Uint8Array) => chunks.push(chunk))
      res.on('error', (error) => reject(new TypeError('fetch failed', { cause: error })))
      res.on('end', () => {
        const responseHeaders = new Headers()
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
          responseHeaders.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!)
        }
        const status = res.statusCode ?? 500
        resolve(
          new Response(NULL_BODY.has(status) ? null : Buffer.concat(chunks), {
            status,
            statusText: res.statusMessage ?? '',
            headers: responseHeaders,
          }),
        )
      })
    })
    req.on('error', (error) => reject(new TypeError('fetch failed', { cause: error })))
    if (signal) {
      if (signal.aborted) req.destroy(signal.reason)
      else signal.addEventListener('abort', () => req.destroy(signal.reason), { once: true })
    }
    req.end(body)
  })
}
