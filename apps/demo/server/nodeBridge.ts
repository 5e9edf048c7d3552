/**
 * Bridges Node's `http` (as Vite's dev and preview servers speak it) to a Web-standard
 * `fetch(request)` handler: the request body is streamed in, the response body is streamed out
 * (Server-Sent Events need it), and a client that goes away aborts the request's signal.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'

export type FetchHandler = (request: Request) => Promise<Response>

export function toWebRequest(req: IncomingMessage, res: ServerResponse): Request {
  const host = req.headers.host ?? '127.0.0.1'
  const url = new URL(req.url ?? '/', `http://${host}`)
  const headers = new Headers()
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!)
  }
  const controller = new AbortController()
  // `close` on the response fires when it finished or when the client went away first.
  res.once('close', () => {
    if (!res.writableFinished) controller.abort()
  })
  const method = req.method ?? 'GET'
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal: controller.signal }
  if (method !== 'GET' && method !== 'HEAD') {
    init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>
    init.duplex = 'half'
  }
  return new Request(url, init)
}

export async function sendWebResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    headers[name] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) headers['set-cookie'] = cookies
  res.writeHead(response.status, headers)
  if (response.body === null) {
    res.end()
    return
  }
  const reader = response.body.getReader()
  res.once('close', () => {
    reader.cancel().catch(() => {})
  })
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      // Flush each chunk at once: an event stream must not sit in a buffer.
      res.write(value)
    }
  } catch {
    // The client went away mid-stream; nothing left to answer.
  } finally {
    res.end()
  }
}

/** Serves `handler` for requests whose path starts with one of `prefixes`; others go to `next`. */
export function mount(prefixes: readonly string[], handler: FetchHandler) {
  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
    const path = req.url ?? '/'
    if (
      !prefixes.some(
        (prefix) =>
          path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`),
      )
    ) {
      next()
      return
    }
    handler(toWebRequest(req, res))
      .then((response) => sendWebResponse(response, res))
      .catch(next)
  }
}
