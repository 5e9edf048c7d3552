import { request as httpRequest } from 'node:http'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmulator } from './emulator.ts'
import { type EmulatorServer, serve } from './node.ts'

const KEY = 'kdv_live_emulatoremulatoremulator'
const emulator = createEmulator({ rateLimits: false })
let server: EmulatorServer

beforeAll(async () => {
  server = await serve(emulator, { port: 0 })
})
afterAll(async () => {
  await server.close()
  await emulator.close()
})

const post = (body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/v1/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', ...headers },
    body,
  })
/** Writes `wire` on a fresh connection; what came back once the server closed it. */
const raw = (wire: string) =>
  new Promise<string>((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1')
    let received = ''
    socket.on('data', (chunk) => {
      received += chunk
    })
    socket.on('close', () => resolve(received))
    socket.on('error', reject)
    socket.write(wire)
  })
const valid = JSON.stringify({ to: '+628111111111', type: 'text', text: { body: 'Halo' } })

describe('serve', () => {
  it('listens on a free port on 127.0.0.1', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(server.port).toBeGreaterThan(0)
  })

  it('bridges requests and answers', async () => {
    const response = await post(valid)
    expect(response.status).toBe(202)
    expect(response.headers.get('x-request-id')).toMatch(/^req_/)
  })

  it('destroys the socket on a dropped connection', async () => {
    await expect(post(valid, { 'x-emulator-fault': 'drop_after' })).rejects.toThrow(TypeError)
    expect((await fetch(`${server.url}/v1/health`)).status).toBe(200)
  })

  it('keeps a keep-alive connection usable after refusing a body it did not read', async () => {
    const big = new Uint8Array(3 * 1024 * 1024).fill(0x61)
    for (let i = 0; i < 3; i++) {
      const response = await post(big)
      expect(response.status).toBe(413)
      await response.arrayBuffer()
      const started = Date.now()
      const next = await post(valid, { 'content-type': 'text/plain' })
      expect(next.status).toBe(415)
      expect((await post(valid)).status).toBe(202)
      expect(Date.now() - started).toBeLessThan(2000)
    }
  })

  it('answers oversized headers with a 431 JSON envelope', async () => {
    const { status, body } = await new Promise<{ status: number; body: string }>(
      (resolve, reject) => {
        const request = httpRequest(
          `${server.url}/v1/health`,
          { headers: { 'x-big': 'a'.repeat(40_000) } },
          (response) => {
            let body = ''
            response.on('data', (chunk) => {
              body += chunk
            })
            response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
          },
        )
        request.on('error', reject)
        request.end()
      },
    )
    expect(status).toBe(431)
    expect(JSON.parse(body).error.code).toBe('request_header_fields_too_large')
  })

  it('answers a request whose Host makes no URL with a 400 envelope, and closes', async () => {
    const answer = await raw('GET /v1/health HTTP/1.1\r\nHost: [\r\n\r\n')
    expect(answer).toMatch(/^HTTP\/1\.1 400 /)
    expect(answer).toMatch(/\r\nconnection: close\r\n/i)
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))
    expect(body.error).toMatchObject({ type: 'invalid_request_error', code: 'malformed_request' })
    expect((await fetch(`${server.url}/v1/health`)).status).toBe(200)
  })

  it('serves HTTP/1.0 without a Host header (only the path matters)', async () => {
    const answer = await raw('GET /v1/health HTTP/1.0\r\n\r\n')
    expect(answer).toMatch(/^HTTP\/1\.1 200 /)
    expect(answer).toContain('"status":"ok"')
  })

  it('serves HEAD without a body', async () => {
    const response = await fetch(`${server.url}/v1/health`, { method: 'HEAD' })
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('')
  })
})
