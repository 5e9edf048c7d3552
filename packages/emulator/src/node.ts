/**
 * @module
 * `@kirim/emulator/node`: serves an emulator on a port with Node's `http`. `@hono/node-server`
 * bridges Node's requests to the Web-standard handler (bodies streamed both ways, unread request
 * bodies drained so a keep-alive connection stays usable). A dropped-connection fault destroys
 * the socket without an answer; a request Node or the bridge cannot read gets the contract's
 * error envelope.
 */
import { createServer, STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import { getRequestListener, RequestError } from '@hono/node-server'
import type { Emulator } from './emulator.ts'
import { ApiError, internalError } from './errors/api-error.ts'
import { ConnectionDroppedError } from './errors/connection-dropped.ts'
import { CORS_HEADERS } from './http/cors.ts'
import { errorResult, toResponse } from './http/result.ts'
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

/** Twice Node's default: a request head past it is answered 431. */
const MAX_HEADER_BYTES = 32 * 1024

/** The error envelope for a request that never reached the emulator's handler. */
function refusal(error: ApiError, headers: Readonly<Record<string, string>> = {}): Response {
  const requestId = newId('req', Date.now())
  return toResponse(errorResult(error, requestId), 'GET', { ...CORS_HEADERS, ...headers })
}

const malformed = (message: string): ApiError =>
  new ApiError({ status: 400, type: 'invalid_request_error', code: 'malformed_request', message })

/** Writes `response` onto a socket Node's parser gave up on (there is no `ServerResponse`). */
async function endSocket(socket: Socket, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer())
  const head = [`HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? 'Error'}`]
  response.headers.forEach((value, name) => {
    head.push(`${name}: ${value}`)
  })
  head.push(`content-length: ${body.byteLength}`, 'connection: close', '', '')
  if (socket.writable) socket.end(Buffer.concat([Buffer.from(head.join('\r\n')), body]))
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
  const listener = getRequestListener(
    async (request, { incoming }) => {
      try {
        const response = await emulator.fetch(request)
        // Answered before the whole body came (a 413): the rest is still on its way, and the
        // bridge gives up draining a slow sender, so say at once that this connection ends.
        if (!incoming.complete) response.headers.set('Connection', 'close')
        return response
      } catch (error) {
        // What the fault is for: the client sees its connection cut, with no answer at all.
        if (error instanceof ConnectionDroppedError) incoming.socket.destroy()
        throw error
      }
    },
    {
      // Only the path matters to the emulator, so an HTTP/1.0 request without Host is served.
      hostname: 'localhost',
      // A library must not swap the Request and Response classes of the process it runs in.
      overrideGlobalObjects: false,
      errorHandler: (error) => {
        if (error instanceof ConnectionDroppedError) return
        if (error instanceof RequestError) {
          const message = `The request target or Host header is not valid (${error.message}).`
          return refusal(malformed(message), { Connection: 'close' })
        }
        console.error('[kirim-emulator] could not answer:', error)
        return refusal(internalError('Unexpected emulator error.'))
      },
    },
  )
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, listener)
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy()
      return
    }
    const refused =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? new ApiError({
            status: 431,
            type: 'invalid_request_error',
            code: 'request_header_fields_too_large',
            message: `The request headers are too large (${MAX_HEADER_BYTES / 1024} KiB at most).`,
          })
        : malformed(`The request is not valid HTTP/1.1 (${error.code ?? 'parse error'}).`)
    endSocket(socket, refusal(refused)).catch(() => socket.destroy())
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
