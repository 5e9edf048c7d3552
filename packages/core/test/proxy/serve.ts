/**
 * A tiny bridge from `node:http` to a Web-standard handler, the way a Node deployment would run
 * the proxy: the request body streams in, the response body streams out (so SSE works), and a
 * client that disconnects aborts the `Request`'s signal.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { Readable } from 'node:stream'

/** A listening handler. */
export interface Served {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string
  close(): Promise<void>
}

function toRequest(req: IncomingMessage, signal: AbortSignal): Request {
  // Built the way common adapters build it: the target resolved against the Host header, so an
  // absolute-form or protocol-relative target yields a URL of another authority.
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`)
  const headers = new Headers()
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!)
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  return new Request(url, {
    method: req.method,
    headers,
    signal,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    // @ts-expect-error: Node's fetch needs `duplex` for a streamed body; the DOM types lack it.
    duplex: 'half',
  })
}

async function writeResponse(
  response: Response,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const headers: Record<string, string> = {}
  response.headers.forEach((value, name) => {
    headers[name] = value
  })
  // Answered before the body was read (a 413): the rest of it is still on the socket, so the
  // connection cannot carry another request.
  if (!req.complete && req.method !== 'GET' && req.method !== 'HEAD') {
    headers.connection = 'close'
    res.on('finish', () => req.socket.destroySoon())
  }
  res.writeHead(response.status, headers)
  // Headers now, so a stream's first bytes are not held back.
  res.flushHeaders()
  if (response.body === null) {
    res.end()
    return
  }
  const reader = response.body.getReader()
  res.on('close', () => {
    reader.cancel().catch(() => {})
  })
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      res.write(value)
    }
    res.end()
  } catch {
    res.destroy()
  }
}

/** Serves `handler` on 127.0.0.1 and a free port. */
export async function serve(handler: (request: Request) => Promise<Response>): Promise<Served> {
  const sockets = new Set<Socket>()
  const server = createServer((req, res) => {
    const controller = new AbortController()
    res.on('close', () => controller.abort())
    let request: Request
    try {
      request = toRequest(req, controller.signal)
    } catch {
      res.writeHead(400).end()
      return
    }
    handler(request)
      .then((response) => writeResponse(response, req, res))
      .catch(() => {
        if (!res.headersSent) res.writeHead(500)
        res.end()
      })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
