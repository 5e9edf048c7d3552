/**
 * The proxy test stack: the emulator on a real port as upstream, the proxy served over
 * `node:http`, a browser-side `fetch` that records every response it receives (status line,
 * headers, body) for the API-key scan, and a raw HTTP client for targets `fetch` would normalise.
 */
import { request as httpRequest } from 'node:http'
import { createEmulator, type Emulator, type EmulatorOptions } from '@kirim/emulator'
import { type EmulatorServer, serve as serveEmulator } from '@kirim/emulator/node'
import { expect } from 'vitest'
import { createProxy, type KirimProxy, type ProxyOptions } from '../../src/proxy/index.ts'
import { type Served, serve } from './serve.ts'

/** The upstream API key: distinctive, so that any trace of it is found. */
export const API_KEY = 'kdv_live_Pr0xyT3stK3y-n0tInBr0wsr'
export const TOKEN_SECRET = 'proxy-test-token-secret-0123456789abcdef'
export const OTHER_SECRET = 'another-secret-entirely-0123456789abcdefgh'
export const WEBHOOK_SECRET = 'whsec_proxytestwebhooksecret0123456789'
export const BASE_PATH = '/api/kirim'
export const APP_ORIGIN = 'https://app.example.com'

/** Emulator recipients (emulator.md). */
export const OPEN_WINDOW = '+628111111111'
export const CLOSED_WINDOW = '+628122222222'
export const NOT_ON_WHATSAPP = '+628133333333'

/** One response the test client received, as text. */
export interface ObservedResponse {
  readonly what: string
  readonly statusLine: string
  readonly headers: string
  body: string
}

/** Every response of this test file, and every error the proxies reported. */
export const observed: ObservedResponse[] = []
export const reportedErrors: Error[] = []

const decoder = new TextDecoder()

/**
 * Records `response` and returns an equivalent one. A finite body is read here; an event
 * stream is recorded chunk by chunk as the test reads it (and cancelling it still reaches
 * the server).
 */
export async function observe(what: string, response: Response): Promise<Response> {
  const headers: string[] = []
  for (const [name, value] of response.headers) headers.push(`${name}: ${value}`)
  const entry: ObservedResponse = {
    what,
    statusLine: `${response.status} ${response.statusText}`,
    headers: headers.join('\n'),
    body: '',
  }
  observed.push(entry)
  const init = {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  }
  if (response.body === null) return new Response(null, init)
  if (!(response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    entry.body = await response.text()
    return new Response(entry.body, init)
  }
  const recorded = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        entry.body += decoder.decode(chunk, { stream: true })
        controller.enqueue(chunk)
      },
    }),
  )
  return new Response(recorded, init)
}

/** The browser's `fetch`: real HTTP, every response recorded. */
export const browserFetch: typeof fetch = async (input, init) => {
  const what = `${init?.method ?? (input instanceof Request ? input.method : 'GET')} ${input instanceof Request ? input.url : String(input)}`
  return observe(what, await fetch(input, init))
}

/** A raw HTTP/1.1 request with the target exactly as given (`fetch` would resolve `..`). */
export function rawRequest(
  base: string,
  options: { method?: string; target: string; headers?: Record<string, string>; body?: string },
): Promise<{
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}> {
  const url = new URL(base)
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: options.method ?? 'GET',
        path: options.target,
        headers: { host: url.host, ...options.headers },
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          body += chunk
        })
        res.on('end', () => {
          observed.push({
            what: `raw ${options.method ?? 'GET'} ${options.target}`,
            statusLine: `${res.statusCode} ${res.statusMessage}`,
            headers: res.rawHeaders.join('\n'),
            body,
          })
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body })
        })
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

/** The forms the key could leak in: whole, its secret part, base64, URL-encoded. */
function keyTraces(): string[] {
  const secretPart = API_KEY.slice('kdv_live_'.length)
  return [
    API_KEY,
    secretPart,
    btoa(API_KEY),
    btoa(`:${API_KEY}`),
    encodeURIComponent(API_KEY),
    JSON.stringify(API_KEY).slice(1, -1),
  ]
}

/** Fails when any recorded response or reported error carries the API key. */
export function expectNoKeyLeak(): void {
  expect(observed.length).toBeGreaterThan(0)
  const traces = keyTraces()
  for (const entry of observed) {
    const text = `${entry.statusLine}\n${entry.headers}\n\n${entry.body}`
    for (const trace of traces) {
      expect(text.includes(trace), `${entry.what} carries the API key`).toBe(false)
    }
  }
  for (const error of reportedErrors) {
    const text = `${error.name} ${error.message} ${error.stack} ${String(error.cause)}`
    for (const trace of traces) {
      expect(text.includes(trace), `a reported error carries the API key`).toBe(false)
    }
  }
}

/** A running emulator + proxy. */
export interface Stack {
  readonly emulator: Emulator
  readonly emulatorServer: EmulatorServer
  readonly proxy: KirimProxy
  readonly proxyServer: Served
  /** The proxy's origin, e.g. `http://127.0.0.1:5123`. */
  readonly origin: string
  /** `origin + basePath`. */
  readonly base: string
  /** Every request the proxy made upstream: `METHOD path?query`. */
  readonly upstreamCalls: string[]
  /** Every upstream request's headers, by name (lower case). */
  readonly upstreamHeaders: Headers[]
  close(): Promise<void>
}

/**
 * The test app's `authorize`: the subject from `x-test-user` (default `user_1`; `nobody` is
 * refused), the scope from `x-test-scope` (JSON).
 */
export function testAuthorize(request: Request): { subject: string; scope?: never } | null {
  const user = request.headers.get('x-test-user') ?? 'user_1'
  if (user === 'nobody') return null
  const scope = request.headers.get('x-test-scope')
  return scope === null ? { subject: user } : { subject: user, scope: JSON.parse(scope) as never }
}

/** `POST /token` headers for a subject and a scope. */
export function as(user: string, scope?: unknown): Record<string, string> {
  return scope === undefined
    ? { 'x-test-user': user }
    : { 'x-test-user': user, 'x-test-scope': JSON.stringify(scope) }
}

/** The options every test proxy starts from: the emulator upstream, calls recorded. */
function proxyOptions(
  upstream: string,
  upstreamCalls: string[],
  upstreamHeaders: Headers[],
  overrides: Partial<ProxyOptions>,
): ProxyOptions {
  return {
    apiKey: API_KEY,
    baseUrl: upstream,
    tokenSecret: TOKEN_SECRET,
    webhookSecret: WEBHOOK_SECRET,
    authorize: testAuthorize,
    onError: (error) => {
      reportedErrors.push(error)
    },
    fetch: async (request) => {
      const url = new URL(request.url)
      upstreamCalls.push(`${request.method} ${url.pathname}${url.search}`)
      upstreamHeaders.push(new Headers(request.headers))
      return fetch(request)
    },
    ...overrides,
  }
}

/** Another proxy over HTTP in front of the stack's emulator (its upstream calls go to the stack's lists). */
export async function extraProxy(
  stack: Stack,
  overrides: Partial<ProxyOptions>,
): Promise<{ base: string; proxy: KirimProxy; close(): Promise<void> }> {
  const proxy = createProxy(
    proxyOptions(stack.emulatorServer.url, stack.upstreamCalls, stack.upstreamHeaders, overrides),
  )
  const server = await serve(proxy.fetch)
  return {
    base: `${server.url}${overrides.basePath ?? BASE_PATH}`,
    proxy,
    async close() {
      proxy.close()
      await server.close()
    },
  }
}

/** Starts the emulator and a proxy in front of it, with webhooks pointed at the proxy. */
export async function startStack(
  options: { proxy?: Partial<ProxyOptions>; emulator?: EmulatorOptions; webhooks?: boolean } = {},
): Promise<Stack> {
  const emulator = createEmulator({ apiKeys: [API_KEY], timing: 'fast', ...options.emulator })
  const emulatorServer = await serveEmulator(emulator, { port: 0, host: '127.0.0.1' })
  const upstreamCalls: string[] = []
  const upstreamHeaders: Headers[] = []
  const proxy = createProxy(
    proxyOptions(emulatorServer.url, upstreamCalls, upstreamHeaders, options.proxy ?? {}),
  )
  const proxyServer = await serve(proxy.fetch)
  const basePath = options.proxy?.basePath ?? BASE_PATH
  if (options.webhooks !== false) {
    const response = await fetch(`${emulatorServer.url}/_emulator/webhook`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        url: `${proxyServer.url}${basePath}/webhooks`,
        secret: WEBHOOK_SECRET,
      }),
    })
    expect(response.status).toBeLessThan(300)
  }
  return {
    emulator,
    emulatorServer,
    proxy,
    proxyServer,
    origin: proxyServer.url,
    base: `${proxyServer.url}${basePath}`,
    upstreamCalls,
    upstreamHeaders,
    async close() {
      proxy.close()
      await proxyServer.close()
      await emulatorServer.close()
      await emulator.close()
    },
  }
}

/** `POST /token` through the browser fetch; the token. */
export async function mint(stack: Stack, headers: Record<string, string> = {}): Promise<string> {
  const response = await browserFetch(`${stack.base}/token`, { method: 'POST', headers })
  expect(response.status).toBe(200)
  const body = (await response.json()) as { token: string; expiresIn: number }
  return body.token
}

/** `POST /v1/messages` through the browser fetch. */
export function send(
  stack: Stack,
  token: string | undefined,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return browserFetch(`${stack.base}/v1/messages`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

/** A text message to the open-window recipient. */
export const text = (to = OPEN_WINDOW, body = 'Halo') => ({ to, type: 'text', text: { body } })

/** The `error` of an envelope answer. */
export async function envelopeOf(response: Response): Promise<{
  type: string
  code: string
  message: string
  param?: string
  request_id: string
  issues?: unknown[]
}> {
  const body = (await response.json()) as { error: never }
  return body.error
}

/**
 * Reads an SSE response until `done(frames)` holds (or the server ends it, or `timeoutMs`
 * passes), then cancels it. Returns the parsed frames (comments as `{ comment }`), and whether
 * the server ended the stream.
 */
export async function readEvents(
  response: Response,
  done: (frames: SseFrame[]) => boolean,
  timeoutMs = 5000,
): Promise<SseFrame[] & { ended: boolean }> {
  const reader = response.body!.getReader()
  const frames = Object.assign([] as SseFrame[], { ended: false })
  let buffer = ''
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    reader.cancel().catch(() => {})
  }, timeoutMs)
  try {
    while (!done(frames)) {
      const { done: ended, value } = await reader.read()
      if (ended) {
        frames.ended = !timedOut
        break
      }
      buffer += decoder.decode(value, { stream: true })
      let end = buffer.indexOf('\n\n')
      while (end !== -1) {
        frames.push(parseFrame(buffer.slice(0, end)))
        buffer = buffer.slice(end + 2)
        end = buffer.indexOf('\n\n')
      }
    }
  } finally {
    clearTimeout(timer)
    await reader.cancel().catch(() => {})
  }
  return frames
}

/** One SSE frame. */
export interface SseFrame {
  id?: string
  event?: string
  data?: string
  retry?: string
  comment?: string
}

function parseFrame(text: string): SseFrame {
  const frame: SseFrame = {}
  for (const line of text.split('\n')) {
    if (line.startsWith(':')) frame.comment = line.slice(1).trim()
    else {
      const colon = line.indexOf(':')
      const field = line.slice(0, colon) as 'id' | 'event' | 'data' | 'retry'
      frame[field] = line.slice(colon + 1).replace(/^ /, '')
    }
  }
  return frame
}

/** The status events of a frame list, parsed. */
export function statusEvents(
  frames: readonly SseFrame[],
): { id: string; status: string; [k: string]: unknown }[] {
  return frames
    .filter((frame) => frame.event === 'message.status')
    .map((frame) => JSON.parse(frame.data!) as { id: string; status: string })
}
