import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import { createProxy, type KirimProxy } from '@kirim/core/proxy'
import {
  createEmulator,
  type Emulator,
  type EmulatorOptions,
  type StoredMessage,
} from '@kirim/emulator'
import { type EmulatorServer, serve } from '@kirim/emulator/node'
import { nodeFetch } from './nodeFetch.ts'

export const API_KEY = 'kdv_live_emulatoremulatoremulator'
const WEBHOOK_SECRET = 'whsec_reacttestsreacttestsreacttests'
const TOKEN_SECRET = 'react-tests-token-secret-of-at-least-32-bytes'

/** An emulator served on a free port. */
export interface TestEmulator {
  readonly emulator: Emulator
  readonly url: string
  /** `GET /_emulator/messages` over HTTP: the store, the witness of what was sent. */
  stored(): Promise<StoredMessage[]>
  close(): Promise<void>
}

/** Serves `createEmulator(options)` on 127.0.0.1, port 0; webhooks leave over `node:http`. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const emulator = createEmulator({ timing: 'manual', fetch: nodeFetch, ...options })
  const server: EmulatorServer = await serve(emulator, { port: 0, host: '127.0.0.1' })
  return {
    emulator,
    url: server.url,
    async stored() {
      const response = await nodeFetch(`${server.url}/_emulator/messages`)
      return ((await response.json()) as { data: StoredMessage[] }).data
    },
    async close() {
      await server.close()
      await emulator.close()
    },
  }
}

/** One `GET /events` the proxy received. */
export interface StreamRequest {
  readonly lastEventId: string | null
  readonly authorization: string | null
  readonly url: string
}

/** The real proxy served over `node:http`, upstream the emulator, its webhooks pointed at it. */
export interface TestProxy {
  readonly proxy: KirimProxy
  readonly url: string
  /** `<url>/api/kirim`: the client's `baseUrl`. */
  readonly baseUrl: string
  /** Event streams the server is serving right now (its side of the connection is open). */
  openStreams(): number
  /** Every `GET /events` request, oldest first. */
  readonly streamRequests: StreamRequest[]
  /** Cuts every open event stream from the server side (as a network drop would). */
  dropStreams(): void
  close(): Promise<void>
}

const headerOf = (request: IncomingMessage, name: string): string | null => {
  const value = request.headers[name]
  return typeof value === 'string' ? value : null
}

/**
 * A tiny bridge: Node's request becomes a Web `Request` (aborted when the client goes away), the
 * proxy's `Response` streams back chunk by chunk (event streams included).
 */
async function bridge(
  proxy: KirimProxy,
  req: IncomingMessage,
  res: ServerResponse,
  streams: Set<ServerResponse>,
  log: StreamRequest[],
): Promise<void> {
  const controller = new AbortController()
  res.on('close', () => controller.abort())
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`)
  const headers = new Headers()
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2)
    headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!)
  const chunks: Uint8Array[] = []
  for await (const chunk of req) chunks.push(chunk as Uint8Array)
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  if (url.pathname.endsWith('/events') && req.method === 'GET') {
    log.push({
      lastEventId: headerOf(req, 'last-event-id'),
      authorization: headerOf(req, 'authorization'),
      url: url.href,
    })
  }
  const request = new Request(url, {
    method: req.method ?? 'GET',
    headers,
    body: hasBody ? Buffer.concat(chunks) : undefined,
    signal: controller.signal,
  })
  // The test environment's Request is happy-dom's, which drops the headers a page may not set
  // (Origin, Cookie, Sec-Fetch-*): the proxy, a server, must see them as they came.
  Object.defineProperty(request, 'headers', { value: headers })
  const response = await proxy.fetch(request)
  const outgoing: [string, string][] = []
  response.headers.forEach((value, name) => {
    outgoing.push([name, value])
  })
  res.writeHead(response.status, outgoing.flat())
  if (response.body === null) {
    res.end()
    return
  }
  const isStream = (response.headers.get('content-type') ?? '').startsWith('text/event-stream')
  if (isStream) {
    streams.add(res)
    res.on('close', () => streams.delete(res))
  }
  res.flushHeaders()
  const reader = response.body.getReader()
  res.on('close', () => {
    void reader.cancel().catch(() => {})
  })
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      res.write(value)
    }
  } catch {
    // The client went away mid-stream: nothing left to write to.
  }
  res.end()
}

/**
 * Starts the real `createProxy` in front of `upstream`, allowing the test page's origin, and
 * points the emulator's webhooks at it.
 */
export async function startProxy(upstream: TestEmulator, subject = 'user-1'): Promise<TestProxy> {
  const proxy = createProxy({
    apiKey: API_KEY,
    baseUrl: upstream.url,
    tokenSecret: TOKEN_SECRET,
    webhookSecret: WEBHOOK_SECRET,
    allowedOrigins: [window.location.origin],
    authorize: async () => ({ subject }),
    fetch: (request) => nodeFetch(request),
  })
  const streams = new Set<ServerResponse>()
  const streamRequests: StreamRequest[] = []
  const server = createServer((req, res) => {
    bridge(proxy, req, res, streams, streamRequests).catch(() => res.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`
  const webhookUrl = `${url}/api/kirim/webhooks`
  const set = await nodeFetch(`${upstream.url}/_emulator/webhook`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ url: webhookUrl, secret: WEBHOOK_SECRET }),
  })
  if (!set.ok)
    throw new Error(`could not point the emulator's webhooks at the proxy: ${set.status}`)
  return {
    proxy,
    url,
    baseUrl: `${url}/api/kirim`,
    openStreams: () => streams.size,
    streamRequests,
    dropStreams() {
      for (const res of streams) res.destroy()
    },
    async close() {
      proxy.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
