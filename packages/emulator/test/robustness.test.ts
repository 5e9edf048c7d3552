import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  API_KEY,
  expectAccepted,
  expectApiError,
  type Harness,
  type MessageEnvelope,
  OPEN,
  startEmulator,
} from './helpers.ts'

let h: Harness
beforeAll(async () => {
  h = await startEmulator({ rateLimits: false })
})
afterAll(async () => {
  // After everything below, the server still answers.
  const health = await h.get('/v1/health', { key: null })
  expect(health.status).toBe(200)
  await h?.close()
})

const JSON_TYPE = { 'content-type': 'application/json' }
const VALID = '{"to":"+628111111111","type":"text","text":{"body":"Halo"}}'
const MiB = 1024 * 1024

function post(raw: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = JSON_TYPE) {
  return h.request<MessageEnvelope>('POST', '/v1/messages', { raw, headers })
}

/** A valid text send padded with JSON whitespace to exactly `size` bytes. */
function paddedTo(size: number): string {
  return VALID + ' '.repeat(size - VALID.length)
}

describe('bodies', () => {
  it.each([
    ['truncated JSON', '{"to":"+628111111111","type":'],
    ['a trailing comma', '{"to":"+628111111111",}'],
    ['single quotes', "{'to':'+628111111111'}"],
    ['plain text', 'hello'],
    ['an empty body', ''],
  ])('answers %s with 400 invalid_json', async (_, raw) => {
    const r = await post(raw)
    expectApiError(r, { status: 400, type: 'invalid_request_error', code: 'invalid_json' })
    expect(r.elapsedMs).toBeLessThan(1000)
  })

  it.each([
    ['text/plain', { 'content-type': 'text/plain' }],
    ['form data', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['no content type', {}],
  ])('answers a JSON body sent as %s with 415 unsupported_media_type', async (_, headers) => {
    const r = await post(VALID, headers)
    expectApiError(r, {
      status: 415,
      type: 'invalid_request_error',
      code: 'unsupported_media_type',
    })
  })

  it('takes application/json with a charset parameter', async () => {
    const r = await post(VALID, { 'content-type': 'application/json; charset=utf-8' })
    expectAccepted(r)
  })

  it('answers a 5 MiB body with 413 request_too_large, quickly', async () => {
    const r = await post(paddedTo(5 * MiB))
    expectApiError(r, { status: 413, type: 'invalid_request_error', code: 'request_too_large' })
    expect(r.elapsedMs).toBeLessThan(3000)
  })

  it('takes exactly 1 MiB and refuses 1 MiB + 1 byte', async () => {
    const atLimit = await post(paddedTo(MiB))
    expect([200, 202], atLimit.text).toContain(atLimit.status)
    const over = await post(paddedTo(MiB + 1))
    expectApiError(over, { status: 413, type: 'invalid_request_error', code: 'request_too_large' })
  })

  it.each([
    ['an array', '[]'],
    ['an array of a message', `[${VALID}]`],
    ['a number', '42'],
    ['null', 'null'],
    ['a string', '"hello"'],
    ['true', 'true'],
  ])('answers %s as the body with a 400 envelope', async (_, raw) => {
    const r = await post(raw)
    expectApiError(r, {
      status: 400,
      type: 'invalid_request_error',
      code: /^(invalid_json|invalid_field_value|missing_required_field)$/,
    })
  })

  it('survives deeply nested junk in an unknown field (with an Idempotency-Key)', async () => {
    const depth = 100_000
    const junk = `${'['.repeat(depth)}${']'.repeat(depth)}`
    const raw = `{"to":"+628111111111","type":"text","text":{"body":"Halo"},"junk":${junk}}`
    const r = await h.request('POST', '/v1/messages', {
      raw,
      headers: { ...JSON_TYPE, 'idempotency-key': 'deeply-nested-junk' },
    })
    expect(r.elapsedMs).toBeLessThan(3000)
    // Depth is checked before anything walks the body, so the answer names the deep path.
    expectApiError(r, {
      status: 400,
      type: 'invalid_request_error',
      code: 'invalid_field_value',
      param: `junk${'[0]'.repeat(63)}`,
    })
  })

  it('answers deeply nested junk in a known field with a 400 envelope', async () => {
    const depth = 50_000
    const raw = `{"to":"+628111111111","type":"text","text":{"body":${'['.repeat(depth)}${']'.repeat(depth)}}}`
    const r = await post(raw)
    // The body is level 1, `text` 2, the outer array 3: the 65th level is 62 arrays further in.
    expectApiError(r, {
      status: 400,
      type: 'invalid_request_error',
      code: 'invalid_field_value',
      param: `text.body${'[0]'.repeat(62)}`,
    })
  })

  it('answers invalid UTF-8 without crashing', async () => {
    const bytes = new Uint8Array([
      ...Buffer.from('{"to":"+628111111111","type":"text","text":{"body":"'),
      0xff,
      0xfe,
      ...Buffer.from('"}}'),
    ])
    const r = await post(bytes)
    expect(r.status).toBeLessThan(500)
    if (r.status >= 400) expectApiError(r, { status: r.status, type: 'invalid_request_error' })
  })
})

describe('hostile bodies', () => {
  it('does not read fields through __proto__', async () => {
    const raw = '{"__proto__":{"to":"+628111111111"},"type":"text","text":{"body":"x"}}'
    const r = await post(raw)
    expectApiError(r, {
      status: 400,
      type: 'invalid_request_error',
      code: 'missing_required_field',
      param: 'to',
    })
    // An own `__proto__` key is an unknown field like any other, never a way to `text.body`.
    const polluted = await post(
      '{"to":"+628111111111","type":"text","text":{"__proto__":{"body":"x"}}}',
    )
    expectApiError(polluted, {
      status: 400,
      type: 'invalid_request_error',
      code: 'invalid_field_value',
      param: 'text.__proto__',
    })
    expect(({} as Record<string, unknown>).to).toBeUndefined()
  })

  it('answers a 2 MiB chunked body (no Content-Length) with 413 request_too_large', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024))
    let sent = 0
    const head = new TextEncoder().encode('{"to":"+628111111111","type":"text","text":{"body":"')
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(head)
      },
      pull(controller) {
        if (sent >= 2 * MiB) {
          controller.enqueue(new TextEncoder().encode('"}}'))
          controller.close()
          return
        }
        controller.enqueue(chunk)
        sent += chunk.byteLength
      },
    })
    const started = performance.now()
    const response = await fetch(`${h.url}/v1/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    const text = await response.text()
    expect(performance.now() - started).toBeLessThan(3000)
    expect(response.status, text).toBe(413)
    const body = JSON.parse(text) as { error: { code: string; request_id: string } }
    expect(body.error.code).toBe('request_too_large')
    expect(response.headers.get('x-request-id')).toBe(body.error.request_id)
  })

  it('gives 50 concurrent sends 50 distinct ids', async () => {
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        h.send<MessageEnvelope>({ to: OPEN, type: 'text', text: { body: `parallel ${i}` } }),
      ),
    )
    const ids = replies.map((r) => expectAccepted(r).id)
    expect(new Set(ids).size).toBe(50)
    const requestIds = replies.map((r) => r.body.request_id)
    expect(new Set(requestIds).size).toBe(50)
  })

  it('stores one message for 10 concurrent requests with the same key and body', async () => {
    const key = 'concurrent-same-key'
    const replies = await Promise.all(
      Array.from({ length: 10 }, () =>
        h.send<MessageEnvelope>(
          { to: OPEN, type: 'text', text: { body: 'once' } },
          { headers: { 'idempotency-key': key } },
        ),
      ),
    )
    const bodies = new Set(replies.map((r) => r.text))
    expect(bodies.size).toBe(1)
    expect(replies.filter((r) => r.headers.get('idempotent-replayed') === 'false')).toHaveLength(1)
    expect((await h.stored()).filter((m) => m.idempotency_key === key)).toHaveLength(1)
  })
})

describe('methods and paths', () => {
  it.each([
    ['DELETE', '/v1/messages', 'POST'],
    ['PUT', '/v1/messages', 'POST'],
    ['PUT', '/v1/templates', 'GET'],
    ['POST', '/v1/templates', 'GET'],
    ['PATCH', '/v1/me', 'GET'],
    ['DELETE', '/v1/messages/msg_01HXYZABCDEFGHJKMNPQRSTVWX', 'GET'],
  ])('answers %s %s with 405 method_not_allowed and Allow', async (method, path, allowed) => {
    const r = await h.request(method, path, method === 'DELETE' ? {} : { body: {} })
    expectApiError(r, { status: 405, type: 'invalid_request_error', code: 'method_not_allowed' })
    expect(r.headers.get('allow') ?? '').toContain(allowed)
  })

  it.each([
    '/v1/nope',
    '/v2/messages',
    '/nope',
    '/',
    '/v1/messages/msg_x/extra',
    '/v1/templates/abc/def',
  ])('answers unknown path %s with 404 resource_not_found', async (path) => {
    const r = await h.get(path)
    expectApiError(r, { status: 404, type: 'not_found', code: 'resource_not_found' })
  })

  it('answers /v1/messages/ with an empty id with 404 resource_not_found', async () => {
    const r = await h.get('/v1/messages/')
    expectApiError(r, { status: 404, type: 'not_found', code: 'resource_not_found' })
  })

  it('does not treat a query string as part of the id', async () => {
    const m = expectAccepted(
      await h.send<MessageEnvelope>({ to: OPEN, type: 'text', text: { body: 'q' } }),
    )
    const r = await h.get<MessageEnvelope>(`/v1/messages/${m.id}?expand=nothing`)
    expect(r.status).toBe(200)
    expect(r.body.data.id).toBe(m.id)
  })

  it('answers every request quickly, whatever it is', async () => {
    const started = performance.now()
    await Promise.all([
      h.request('OPTIONS', '/v1/messages'),
      h.request('HEAD', '/v1/health', { key: null }),
      h.request('GET', `/v1/messages/${'x'.repeat(4000)}`),
      h.request('GET', '/v1/templates?limit=1&limit=2'),
      h.request('POST', '/v1/messages', {
        raw: VALID,
        headers: { ...JSON_TYPE, authorization: `Bearer ${API_KEY}\t` },
      }),
    ])
    expect(performance.now() - started).toBeLessThan(3000)
  })
})

describe('control API', () => {
  it('is open to any origin (CORS)', async () => {
    const r = await h.request('GET', '/_emulator/messages', {
      key: null,
      headers: { origin: 'http://localhost:5173' },
    })
    expect(r.status).toBe(200)
    expect(r.headers.get('access-control-allow-origin')).toMatch(/^(\*|http:\/\/localhost:5173)$/)
    const preflight = await h.request('OPTIONS', '/_emulator/faults', {
      key: null,
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    })
    expect(preflight.status).toBeLessThan(300)
    expect(preflight.headers.get('access-control-allow-origin')).toMatch(
      /^(\*|http:\/\/localhost:5173)$/,
    )
  })

  it('stores each message with its payload and idempotency key', async () => {
    const m = expectAccepted(
      await h.send<MessageEnvelope>(
        { to: OPEN, type: 'text', text: { body: 'stored payload' } },
        { headers: { 'idempotency-key': 'stored-payload-key' } },
      ),
    )
    const stored = (await h.stored()).find((s) => s.id === m.id)
    expect(stored).toBeDefined()
    expect(stored!.text).toEqual({ body: 'stored payload' })
    expect(stored!.idempotency_key).toBe('stored-payload-key')
    expect(stored!.object).toBe('message')
    const noKey = expectAccepted(
      await h.send<MessageEnvelope>({ to: OPEN, type: 'text', text: { body: 'no key' } }),
    )
    expect((await h.stored()).find((s) => s.id === noKey.id)?.idempotency_key).toBeNull()
    const all = await h.stored()
    expect(all.at(-1)!.id).toBe(noKey.id)
  })

  it('shows the same messages through emulator.messages() and GET /_emulator/messages', async () => {
    const viaHttp = await h.stored()
    const direct = h.emulator.messages()
    expect(JSON.parse(JSON.stringify(direct))).toEqual(viaHttp)
    expect(viaHttp.length).toBeGreaterThan(0)
  })
})
