// Responses that the emulator never gives: a stand-in server answers exactly what each test needs,
// to pin how the client reads success codes, broken bodies and error bodies that are not the envelope.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ApiServerError,
  InvalidRequestError,
  InvalidResponseError,
  Kirim,
  KirimError,
  RateLimitError,
} from '../src/index.ts'

const message = {
  id: 'msg_01HXYZABCDEFGHJKMNPQRSTVWX',
  object: 'message',
  from: '+628511760008029',
  to: '+628111111111',
  type: 'text',
  status: 'pending',
  created_at: '2026-05-24T08:00:00.000Z',
  updated_at: '2026-05-24T08:00:00.000Z',
  provider_message_id: 'wamid.HBgLNjI4MTExMTExMTExFQIAERgSQ0E',
}

type Reply = { status: number; body: string; headers?: Record<string, string> }
let next: Reply
let server: Server
let baseUrl: string
beforeAll(async () => {
  server = createServer((_request, response) => {
    response
      .writeHead(next.status, {
        'x-request-id': 'req_01HEADER0000000000000000000',
        ...next.headers,
      })
      .end(next.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

const kirim = () =>
  new Kirim({ apiKey: 'kdv_live_emulatoremulatoremulator', baseUrl, maxRetries: 0 })
const send = () =>
  kirim().messages.send({ to: '+628111111111', type: 'text', text: { body: 'Halo' } })
const json = (status: number, value: unknown, headers?: Record<string, string>): Reply => ({
  status,
  body: JSON.stringify(value),
  headers: { 'content-type': 'application/json', ...headers },
})

describe('success codes', () => {
  it('accepts a send answered 202 (older docs) and 200 (newer docs)', async () => {
    next = json(202, { data: message, request_id: 'req_1' })
    await expect(send()).resolves.toEqual(message)
    next = json(200, { data: message, request_id: 'req_1' })
    await expect(send()).resolves.toEqual(message)
  })

  it('keeps fields the contract does not name', async () => {
    next = json(200, { data: { ...message, conversation_id: 'cnv_1' }, request_id: 'req_1' })
    await expect(send()).resolves.toMatchObject({ conversation_id: 'cnv_1' })
  })
})

describe('a 2xx body that breaks the contract is InvalidResponseError', () => {
  it('when it is not JSON', async () => {
    next = { status: 200, body: '<html>Login</html>', headers: { 'content-type': 'text/html' } }
    const error = await send().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InvalidResponseError)
    expect(error).toBeInstanceOf(KirimError)
    expect(error).toMatchObject({
      code: 'invalid_response',
      type: 'invalid_response_error',
      status: 200,
      requestId: 'req_01HEADER0000000000000000000',
      raw: '<html>Login</html>',
    })
    expect((error as InvalidResponseError).issues).toEqual([
      { path: '', message: 'must be JSON (got "<html>Login</html>")' },
    ])
  })

  it('naming each path that broke', async () => {
    next = json(202, { data: { ...message, status: 'sending', id: 'tmpl_1' }, request_id: 'req_1' })
    const error = (await send().catch((e: unknown) => e)) as InvalidResponseError
    expect(error).toBeInstanceOf(InvalidResponseError)
    expect(error.issues.map((issue) => issue.path).sort()).toEqual(['data.id', 'data.status'])
    expect(error.message).toMatch(/^Kirim answered 202 with a message that breaks the contract:/)
    expect(error.message).toContain('data.status')
  })

  it('when the envelope is missing', async () => {
    next = json(200, message)
    const error = (await send().catch((e: unknown) => e)) as InvalidResponseError
    expect(error.issues.map((issue) => issue.path)).toContain('data')
  })

  it('for a template page', async () => {
    next = json(200, { data: [], has_more: 'no', next_cursor: null, request_id: 'req_1' })
    const error = await kirim()
      .templates.list()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InvalidResponseError)
    expect((error as InvalidResponseError).issues.map((issue) => issue.path)).toEqual(['has_more'])
  })
})

describe('error answers map by status, envelope or not', () => {
  it('reads the envelope: type, code, message, param, request id', async () => {
    next = json(400, {
      error: {
        type: 'invalid_request_error',
        code: 'missing_required_field',
        message: 'to is required',
        param: 'to',
        request_id: 'req_01ENVELOPE00000000000000000',
      },
    })
    const error = await send().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InvalidRequestError)
    expect(error).toMatchObject({
      status: 400,
      type: 'invalid_request_error',
      code: 'missing_required_field',
      param: 'to',
      requestId: 'req_01ENVELOPE00000000000000000',
    })
    expect((error as Error).message).toBe(
      'to is required (HTTP 400, missing_required_field, param to, req_01ENVELOPE00000000000000000)',
    )
    expect((error as KirimError).raw).toEqual(JSON.parse(next.body))
  })

  it('maps a gateway page without the envelope by status, code http_<status>', async () => {
    next = { status: 502, body: '<h1>Bad Gateway</h1>', headers: { 'content-type': 'text/html' } }
    const error = await send().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiServerError)
    expect(error).toMatchObject({
      status: 502,
      type: 'api_error',
      code: 'http_502',
      requestId: 'req_01HEADER0000000000000000000',
      raw: '<h1>Bad Gateway</h1>',
    })
  })

  it('maps other 4xx (405, 413, 415) to InvalidRequestError', async () => {
    for (const status of [405, 413, 415]) {
      next = json(status, { error: { type: 'invalid_request_error', code: 'x', message: 'no' } })
      await expect(send()).rejects.toMatchObject({ name: 'InvalidRequestError', status })
    }
  })

  it('reads Retry-After as seconds or an HTTP date into RateLimitError.retryAfter', async () => {
    next = json(
      429,
      { error: { type: 'rate_limit_error', code: 'rate_limit_exceeded', message: 'slow down' } },
      {
        'retry-after': '7',
      },
    )
    await expect(send()).rejects.toMatchObject({ retryAfter: 7 })
    const date = new Date(Date.now() + 30_000).toUTCString()
    next = { status: 429, body: 'Too Many Requests', headers: { 'retry-after': date } }
    const error = (await send().catch((e: unknown) => e)) as RateLimitError
    expect(error).toBeInstanceOf(RateLimitError)
    expect(error.code).toBe('http_429')
    expect(error.retryAfter).toBeGreaterThanOrEqual(28)
    expect(error.retryAfter).toBeLessThanOrEqual(31)
  })
})
