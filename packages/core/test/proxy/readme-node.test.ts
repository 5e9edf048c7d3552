/**
 * The root README's Node recipe, run as written: its code block is read from README.md (so the
 * two cannot drift) and evaluated with the real `createProxy` behind it, the emulator upstream.
 * Then it is sent what any client on the network can send over a raw socket: odd methods,
 * malformed `Host` headers, absolute-form targets, HTTP/1.0 without `Host`, oversized heads,
 * bodies where none belong. Each gets a 4xx or a closed connection, never a crash, nothing of
 * it reaches Kirim, and afterwards the server still mints a token and lists templates.
 */
import * as http from 'node:http'
import { connect } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { KirimProxy } from '../../src/proxy/index.ts'
import { readEvents, type Stack, startStack, statusEvents, text } from './fixtures.ts'

const README = new URL('../../../../README.md', import.meta.url)

/** The one fenced `ts` block of the README that uses `getRequestListener`. */
async function readmeRecipe(): Promise<string> {
  const { readFile } = await import('node:fs/promises')
  const markdown = await readFile(README, 'utf8')
  const blocks = [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1]!)
  const recipes = blocks.filter((block) => block.includes('getRequestListener'))
  expect(recipes, 'README.md shows exactly one Node recipe').toHaveLength(1)
  return recipes[0]!
}

const IMPORT = /^import\s+\{([^}]*)\}\s+from\s+'([^']+)'\s*$/

/**
 * Runs the recipe with `proxy` bound to `proxy`. Its named imports are resolved from here; the
 * one liberty taken is that `listen(…)` binds 127.0.0.1 and a free port, as tests must.
 */
async function runRecipe(recipe: string, proxy: Pick<KirimProxy, 'fetch'>): Promise<http.Server> {
  const servers: http.Server[] = []
  const local: Record<string, unknown> = {
    'node:http': {
      ...http,
      createServer: (...args: Parameters<typeof http.createServer>) => {
        const server = http.createServer(...args)
        const listen: (port: number, host: string) => http.Server = server.listen.bind(server)
        server.listen = ((..._asWritten: unknown[]) =>
          listen(0, '127.0.0.1')) as http.Server['listen']
        servers.push(server)
        return server
      },
    },
  }
  const names: string[] = []
  const values: unknown[] = []
  const body: string[] = []
  for (const line of recipe.split('\n')) {
    if (!line.startsWith('import ')) {
      body.push(line)
      continue
    }
    const match = IMPORT.exec(line)
    if (match === null) throw new Error(`the test reads named imports only, not: ${line}`)
    const specifier = match[2]!
    const module = (local[specifier] ?? (await import(specifier))) as Record<string, unknown>
    for (const binding of match[1]!.split(',').map((part) => part.trim())) {
      if (binding === '') continue
      const [imported, as = imported] = binding.split(/\s+as\s+/) as [string, string?]
      expect(module[imported], `${specifier} exports ${imported}`).toBeDefined()
      names.push(as)
      values.push(module[imported])
    }
  }
  const AsyncFunction = (async () => {}).constructor as new (
    ...parameters: string[]
  ) => (...args: unknown[]) => Promise<void>
  await new AsyncFunction('proxy', ...names, body.join('\n'))(proxy, ...values)
  expect(servers, 'the recipe starts one server').toHaveLength(1)
  const server = servers[0]!
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve))
  return server
}

/** What came back on a raw connection: the status line's code, if any, and the head. */
interface RawAnswer {
  readonly status: number | undefined
  readonly head: string
}

/**
 * Writes `bytes` on a fresh TCP connection and reads one answer: up to the end of its body
 * (by `Content-Length` or the last chunk), or until the server closes the connection.
 */
function exchange(port: number, bytes: string): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    let received = Buffer.alloc(0)
    let settled = false
    const settle = () => {
      if (settled) return
      settled = true
      socket.destroy()
      const raw = received.toString('latin1')
      const end = raw.indexOf('\r\n\r\n')
      const head = end === -1 ? raw : raw.slice(0, end)
      const status = /^HTTP\/1\.[01] (\d{3}) /.exec(head)?.[1]
      resolve({ status: status === undefined ? undefined : Number(status), head })
    }
    const complete = (): boolean => {
      const end = received.indexOf('\r\n\r\n')
      if (end === -1) return false
      const head = received.subarray(0, end).toString('latin1')
      const body = received.subarray(end + 4)
      const length = /\r\ncontent-length: *(\d+)/i.exec(head)?.[1]
      if (length !== undefined) return body.byteLength >= Number(length)
      if (/\r\ntransfer-encoding: *chunked/i.test(head)) return body.includes('0\r\n\r\n')
      return false
    }
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk])
      if (complete()) settle()
    })
    socket.on('close', settle)
    // A reset is one way of closing the connection; the answer is whatever came before it.
    socket.on('error', settle)
    socket.write(bytes, 'latin1')
  })
}

let stack: Stack
let server: http.Server
let port: number
let origin: string
/** Every request the recipe handed to the proxy. */
const handled: Request[] = []
/** Rejections and exceptions nobody handled: each one would end a Node 22 process. */
const unhandled: unknown[] = []
const recordUnhandled = (error: unknown) => {
  unhandled.push(error)
}

beforeAll(async () => {
  process.on('unhandledRejection', recordUnhandled)
  process.on('uncaughtException', recordUnhandled)
  stack = await startStack()
  const proxy: Pick<KirimProxy, 'fetch'> = {
    fetch: (request) => {
      handled.push(request)
      return stack.proxy.fetch(request)
    },
  }
  server = await runRecipe(await readmeRecipe(), proxy)
  port = (server.address() as { port: number }).port
  origin = `http://127.0.0.1:${port}`
})

beforeEach(() => {
  unhandled.length = 0
})

afterAll(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
  await stack?.close()
  process.off('unhandledRejection', recordUnhandled)
  process.off('uncaughtException', recordUnhandled)
})

async function mint(): Promise<string> {
  const response = await fetch(`${origin}/api/kirim/token`, { method: 'POST' })
  expect(response.status).toBe(200)
  return ((await response.json()) as { token: string }).token
}

/** A normal flow through the recipe's server: a token, then the templates with it. */
async function expectStillServing(): Promise<void> {
  const token = await mint()
  const templates = await fetch(`${origin}/api/kirim/v1/templates`, {
    headers: { authorization: `Bearer ${token}` },
  })
  expect(templates.status).toBe(200)
  expect(((await templates.json()) as { data: unknown[] }).data.length).toBeGreaterThan(0)
}

const PATH = '/api/kirim/v1/templates'
const host = () => `Host: 127.0.0.1:${port}`

/** Each hostile request, as bytes on the wire (`{host}` becomes this server's Host line). */
const HOSTILE: readonly (readonly [string, string])[] = [
  ['TRACE', `TRACE ${PATH} HTTP/1.1\r\n{host}\r\n\r\n`],
  [
    'CONNECT to an authority',
    'CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n',
  ],
  ['CONNECT to a path', `CONNECT ${PATH} HTTP/1.1\r\n{host}\r\n\r\n`],
  ['PROPFIND', `PROPFIND ${PATH} HTTP/1.1\r\n{host}\r\nDepth: 1\r\n\r\n`],
  ['M-SEARCH *', 'M-SEARCH * HTTP/1.1\r\n{host}\r\n\r\n'],
  ['OPTIONS *', 'OPTIONS * HTTP/1.1\r\n{host}\r\n\r\n'],
  ['a lowercase method', `get ${PATH} HTTP/1.1\r\n{host}\r\n\r\n`],
  ['a garbage method token', `G{T ${PATH} HTTP/1.1\r\n{host}\r\n\r\n`],
  ['an unknown method', `FROBNICATE ${PATH} HTTP/1.1\r\n{host}\r\n\r\n`],
  ['Host: [', `GET ${PATH} HTTP/1.1\r\nHost: [\r\n\r\n`],
  ['an empty Host', `GET ${PATH} HTTP/1.1\r\nHost: \r\n\r\n`],
  ['a Host with spaces', `GET ${PATH} HTTP/1.1\r\nHost: evil example\r\n\r\n`],
  ['a Host with userinfo', `GET ${PATH} HTTP/1.1\r\nHost: user:pass@evil.example\r\n\r\n`],
  ['a Host with a bad port', `GET ${PATH} HTTP/1.1\r\nHost: 127.0.0.1:99999\r\n\r\n`],
  ['two Host headers', `GET ${PATH} HTTP/1.1\r\n{host}\r\nHost: evil.example\r\n\r\n`],
  ['an absolute-form target', `GET http://evil.example${PATH} HTTP/1.1\r\n{host}\r\n\r\n`],
  [
    'an https absolute-form target',
    `GET https://evil.example:443${PATH} HTTP/1.1\r\n{host}\r\n\r\n`,
  ],
  ['a protocol-relative target', `GET //evil.example${PATH} HTTP/1.1\r\n{host}\r\n\r\n`],
  ['a target with backslashes', `GET /api\\kirim\\..\\v1\\templates HTTP/1.1\r\n{host}\r\n\r\n`],
  [
    'a target with dot segments',
    `GET /api/kirim/v1/../../../etc/passwd HTTP/1.1\r\n{host}\r\n\r\n`,
  ],
  ['a target with bad escapes', `GET /api/kirim/v1/%ZZ%00 HTTP/1.1\r\n{host}\r\n\r\n`],
  ['HTTP/1.0 without Host', `GET ${PATH} HTTP/1.0\r\n\r\n`],
  ['HTTP/1.1 without Host', `GET ${PATH} HTTP/1.1\r\n\r\n`],
  ['an unknown HTTP version', `GET ${PATH} HTTP/3.7\r\n{host}\r\n\r\n`],
  [
    'an oversized header',
    `GET ${PATH} HTTP/1.1\r\n{host}\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`,
  ],
  [
    'a flood of headers',
    `GET ${PATH} HTTP/1.1\r\n{host}\r\n${Array.from({ length: 3000 }, (_, i) => `X-${i}: ${i}\r\n`).join('')}\r\n`,
  ],
  ['a body on GET', `GET ${PATH} HTTP/1.1\r\n{host}\r\nContent-Length: 5\r\n\r\nhello`],
  [
    'Content-Length and Transfer-Encoding together',
    `POST /api/kirim/token HTTP/1.1\r\n{host}\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
  ],
  [
    'a broken chunked body',
    `POST /api/kirim/token HTTP/1.1\r\n{host}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n`,
  ],
  ['a header name with a space', `GET ${PATH} HTTP/1.1\r\n{host}\r\nBad Header: x\r\n\r\n`],
  ['a NUL in a header value', `GET ${PATH} HTTP/1.1\r\n{host}\r\nX-Nul: a\0b\r\n\r\n`],
  ['a TLS hello on the plain port', '\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03'],
]

describe("the README's Node recipe", () => {
  it('is served as written: a token, then the templates', async () => {
    await expectStillServing()
  })

  it.each(HOSTILE)(
    'answers %s with a 4xx or a closed connection, and keeps serving',
    async (_, wire) => {
      const calls = stack.upstreamCalls.length
      const answer = await exchange(port, wire.replaceAll('{host}', host()))
      if (answer.status !== undefined) {
        expect(answer.status, answer.head).toBeGreaterThanOrEqual(400)
        expect(answer.status, answer.head).toBeLessThan(500)
      }
      expect(stack.upstreamCalls.length, 'nothing of it reached Kirim').toBe(calls)
      await expectStillServing()
      expect(unhandled).toEqual([])
    },
  )

  it('streams status events and aborts the request when the client goes away', async () => {
    const token = await mint()
    const authorization = `Bearer ${token}`
    const events = await fetch(`${origin}/api/kirim/events`, { headers: { authorization } })
    expect(events.status).toBe(200)
    expect(events.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const stream = handled.at(-1)!
    expect(new URL(stream.url).pathname).toBe('/api/kirim/events')

    const sent = await fetch(`${origin}/api/kirim/v1/messages`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify(text()),
    })
    expect(sent.status).toBe(202)
    const { data } = (await sent.json()) as { data: { id: string } }
    // Read until the first status of this message arrives, then let go (the reader cancels).
    const frames = await readEvents(events, (frames) =>
      statusEvents(frames).some((event) => event.id === data.id),
    )
    expect(statusEvents(frames).some((event) => event.id === data.id)).toBe(true)

    await new Promise((resolve) => {
      if (stream.signal.aborted) resolve(undefined)
      else stream.signal.addEventListener('abort', resolve, { once: true })
    })
    expect(stream.signal.aborted).toBe(true)
    await expectStillServing()
    expect(unhandled).toEqual([])
  })
})
