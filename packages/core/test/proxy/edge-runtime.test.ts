/**
 * The proxy handler unchanged under Vercel's `edge-runtime`: `src/proxy/index.ts` bundled with
 * esbuild for the browser platform (no Node built-ins can sneak in), evaluated in an
 * `EdgeRuntime` VM, and served over HTTP through the runtime's `dispatchFetch`. Its `fetch` is real: it reaches the emulator
 * over HTTP, and the emulator's webhooks reach it back.
 */
import { fileURLToPath } from 'node:url'
import { createEmulator, type Emulator } from '@kirim/emulator'
import { type EmulatorServer, serve as serveEmulator } from '@kirim/emulator/node'
import { EdgeRuntime } from 'edge-runtime'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  API_KEY,
  browserFetch,
  envelopeOf,
  expectNoKeyLeak,
  rawRequest,
  readEvents,
  statusEvents,
  TOKEN_SECRET,
  text,
  WEBHOOK_SECRET,
} from './fixtures.ts'
import { type Served, serve } from './serve.ts'

let emulator: Emulator
let emulatorServer: EmulatorServer
let edge: Served
let runtime: EdgeRuntime
let bundle: string
let base: string

beforeAll(async () => {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../../src/proxy/index.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'KirimProxy',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  })
  bundle = result.outputFiles[0]!.text

  emulator = createEmulator({ apiKeys: [API_KEY], timing: 'fast' })
  emulatorServer = await serveEmulator(emulator, { port: 0, host: '127.0.0.1' })
  const config = JSON.stringify({
    apiKey: API_KEY,
    baseUrl: emulatorServer.url,
    tokenSecret: TOKEN_SECRET,
    webhookSecret: WEBHOOK_SECRET,
  })
  runtime = new EdgeRuntime({
    initialCode: `${bundle}
      const proxy = KirimProxy.createProxy({
        ...${config},
        authorize: (request) => ({ subject: request.headers.get('x-user') ?? 'edge_user', scope: { maxSends: 5 } }),
      })
      self.__proxyIsEdge = typeof EdgeRuntime === 'string'
      addEventListener('fetch', (event) => event.respondWith(proxy.fetch(event.request)))`,
  })
  // The runtime's own `dispatchFetch` behind the test's node:http bridge (edge-runtime's
  // `runServer` waits seconds on close for sockets its clients left open).
  edge = await serve(async (request) => {
    const body = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer())
    return (await runtime.dispatchFetch(request.url, {
      method: request.method,
      headers: Object.fromEntries(request.headers),
      body,
    })) as unknown as Response
  })
  base = `${edge.url}/api/kirim`
  await fetch(`${emulatorServer.url}/_emulator/webhook`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ url: `${base}/webhooks`, secret: WEBHOOK_SECRET }),
  })
})

afterAll(async () => {
  await edge?.close()
  await emulatorServer?.close()
  await emulator?.close()
  expectNoKeyLeak()
})

describe('under edge-runtime', () => {
  it('is bundled for the browser platform without Node built-ins', () => {
    expect(bundle).not.toMatch(/\brequire\(|from ["']node:|\bBuffer\.|\bprocess\.env/)
    expect(runtime.evaluate('self.__proxyIsEdge')).toBe(true)
  })

  it('mints a token, refuses an unlisted path, forwards a send to the emulator and streams its statuses', async () => {
    const minted = await browserFetch(`${base}/token`, { method: 'POST' })
    expect(minted.status).toBe(200)
    const { token, expiresIn } = (await minted.json()) as { token: string; expiresIn: number }
    expect(expiresIn).toBe(300)

    const refused = await browserFetch(`${base}/v1/me`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(refused.status).toBe(404)
    expect((await envelopeOf(refused)).code).toBe('route_not_found')
    const dotted = await rawRequest(edge.url, {
      target: '/api/kirim/v1/../../v1/me',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(dotted.status).toBeGreaterThanOrEqual(400)

    const noToken = await browserFetch(`${base}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(text()),
    })
    expect(noToken.status).toBe(401)

    const events = await browserFetch(`${base}/events?token=${token}`)
    expect(events.status).toBe(200)
    const sent = await browserFetch(`${base}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(text()),
    })
    expect(sent.status).toBe(202)
    const { data } = (await sent.json()) as { data: { id: string; status: string } }
    expect(data.status).toBe('pending')
    const stored = (await (await fetch(`${emulatorServer.url}/_emulator/messages`)).json()) as {
      data: { id: string }[]
    }
    expect(stored.data.map((message) => message.id)).toContain(data.id)

    const frames = await readEvents(events, (frames) =>
      statusEvents(frames).some((event) => event.id === data.id && event.status === 'read'),
    )
    expect(statusEvents(frames).map((event) => event.status)).toEqual([
      'pending',
      'sent',
      'delivered',
      'read',
    ])

    const read = await browserFetch(`${base}/v1/messages/${data.id}`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(read.status).toBe(200)
  })
})
