import { createServer } from 'node:http'
import { getRequestListener } from '@hono/node-server'
import { createProxy, type KirimProxy } from '@kirim/core/proxy'
import {
  createEmulator,
  type Emulator,
  type EmulatorOptions,
  type StoredMessage,
} from '@kirim/emulator'
import { type EmulatorServer, serve } from '@kirim/emulator/node'
import { nodeFetch } from './nodeFetch.ts'
import { inPageRealm } from './pageRealm.ts'

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
  const handle = inPageRealm((request) => emulator.fetch(request))
  const server: EmulatorServer = await serve(
    // The Node adapter hands over a Request, never a URL.
    { fetch: (request) => handle(request as Request) },
    { port: 0, host: '127.0.0.1' },
  )
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
  const streams = new Set<{ destroy(): void }>()
  const streamRequests: StreamRequest[] = []
  const handle = inPageRealm((request) => proxy.fetch(request))
  const listener = getRequestListener(
    async (request, { outgoing }) => {
      const url = new URL(request.url)
      if (url.pathname.endsWith('/events') && request.method === 'GET') {
        streamRequests.push({
          lastEventId: request.headers.get('last-event-id'),
          authorization: request.headers.get('authorization'),
          url: url.href,
        })
      }
      const response = await handle(request)
      if ((response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
        streams.add(outgoing)
        outgoing.on('close', () => streams.delete(outgoing))
      }
      return response
    },
    // The globals are happy-dom's, and the page under test uses them.
    { overrideGlobalObjects: false },
  )
  const server = createServer(listener)
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
