/**
 * @module
 * `@kirim/emulator/node`: serves an emulator on a port with Node's `http`, bridging
 * Node requests to the Web-standard handler. A dropped-connection fault destroys the
 * socket without an answer.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { Emulator } from './emulator.ts'
import { ConnectionDroppedError } from './errors/connection-dropped.ts'
import { newId } from './ids/ulid.ts'

/** Where to listen. */
export interface ServeOptions {
  /** `0` picks a free port. @default 4010 */
  readonly port?: number
  /** @default '127.0.0.1' */
  readonly host?: string
}

/** A listening emulator. */
export interface EmulatorServer {
  /** e.g. `http://127.0.0.1:54321` (no trailing slash). */
  readonly url: string
  readonly port: number
  /** Stops listening and closes open connections (the emulator itself stays usable). */
  close(): Promise<void>
}

const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  431: 'Request Header Fields Too Large',
}

/** Past this many unread bytes after the answer, the socket is closed instead of drained. */
const MAX_DISCARD_BYTES = 64 * 1024 * 1024

/**
 * A lazily pulled Web stream over the request body. Cancelling it stops reading; `drain`
 * then discards whatever the client still sends (so a keep-alive connection stays usable),
 * closing the socket if that is absurdly much.
 */
function bodyStream(request: IncomingMessage): {
  stream: ReadableStream<Uint8Array>
  drain: () => void
} {
  let finished = false
  let draining = false
  let listener: ((chunk: Buffer) => void) | undefined
  const drain = () => {
    if (draining || request.complete) return
    draining = true
    finished = true
    if (listener !== undefined) request.off('data', listener)
    let discarded = 0
    request.on('data', (chunk: Buffer) => {
      discarded += chunk.byteLength
      if (discarded > MAX_DISCARD_BYTES) request.socket.destroy()
    })
    request.resume()
  }
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        listener = (chunk) => {
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
          if ((controller.desiredSize ?? 0) <= 0) request.pause()
        }
        request.on('data', listener)
        request.once('end', () => {
          if (finished) return
          finished = true
          controller.close()
        })
        request.once('error', (error) => {
          if (finished) return
          finished = true
          controller.error(error)
        })
        request.pause()
      },
      pull() {
        request.resume()
      },
      cancel() {
        drain()
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  )
  return { stream, drain }
}

function toRequest(
  request: IncomingMessage,
  base: string,
): { request: Request; drain: () => void } {
  const url = new URL(request.url ?? '/', base)
  const headers = new Headers()
  const raw = request.rawHeaders
  for (let i = 0; i + 1 < raw.length; i += 2) {
    try {
      headers.append(raw[i]!, raw[i + 1]!)
    } catch {
      // A header value Headers cannot hold is dropped, as a browser would.
    }
  }
  const method = request.method ?? 'GET'
  if (method === 'GET' || method === 'HEAD') {
    return { request: new Request(url, { method, headers }), drain: () => request.resume() }
  }
  const body = bodyStream(request)
  const init = { method, headers, body: body.stream, duplex: 'half' }
  return { request: new Request(url, init as RequestInit), drain: body.drain }
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: [string, string][] = []
  response.headers.forEach((value, name) => {
    headers.push([name, value])
  })
  const body = response.body === null ? undefined : new Uint8Array(await response.arrayBuffer())
  res.writeHead(response.status, headers.flat())
  res.end(body)
}

function envelope(status: number, code: string, message: string): string {
  const requestId = newId('req', Date.now())
  const body = JSON.stringify({
    error: { type: 'invalid_request_error', code, message, request_id: requestId },
  })
  return [
    `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${new TextEncoder().encode(body).byteLength}`,
    `X-Request-Id: ${requestId}`,
    'Access-Control-Allow-Origin: *',
    'Connection: close',
    '',
    body,
  ].join('\r\n')
}

/**
 * Serves the emulator over HTTP.
 *
 * @example
 * const server = await serve(createEmulator(), { port: 0 })
 * console.log(server.url) // http://127.0.0.1:54321
 * await server.close()
 */
export async function serve(
  emulator: Pick<Emulator, 'fetch'>,
  options: ServeOptions = {},
): Promise<EmulatorServer> {
  const host = options.host ?? '127.0.0.1'
  const server = createServer({ maxHeaderSize: 32 * 1024 }, (req, res) => {
    void (async () => {
      let converted: ReturnType<typeof toRequest>
      try {
        converted = toRequest(req, `http://${req.headers.host ?? 'localhost'}`)
      } catch {
        try {
          converted = toRequest(req, 'http://localhost')
        } catch {
          req.socket.end(
            envelope(400, 'malformed_request', 'The request target is not a valid URL.'),
          )
          return
        }
      }
      try {
        const response = await emulator.fetch(converted.request)
        // Whatever body the handler did not read is discarded, keeping the connection usable.
        converted.drain()
        await writeResponse(response, res)
      } catch (error) {
        if (error instanceof ConnectionDroppedError) {
          req.socket.destroy()
          return
        }
        console.error('[kirim-emulator] could not answer:', error)
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' })
        res.end(
          JSON.stringify({
            error: {
              type: 'api_error',
              code: 'internal_error',
              message: 'Unexpected emulator error.',
            },
          }),
        )
      }
    })()
  })
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy()
      return
    }
    socket.end(
      error.code === 'HPE_HEADER_OVERFLOW'
        ? envelope(
            431,
            'request_header_fields_too_large',
            'The request headers are too large (32 KiB at most).',
          )
        : envelope(
            400,
            'malformed_request',
            `The request is not valid HTTP/1.1 (${error.code ?? 'parse error'}).`,
          ),
    )
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 4010, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address()
  const port =
    typeof address === 'object' && address !== null ? address.port : (options.port ?? 4010)
  const shownHost = host.includes(':') ? `[${host}]` : host
  return {
    url: `http://${shownHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)))
        server.closeAllConnections()
      }),
  }
}
