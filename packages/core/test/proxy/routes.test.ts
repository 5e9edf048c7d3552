import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  browserFetch,
  envelopeOf,
  expectNoKeyLeak,
  mint,
  rawRequest,
  type Stack,
  send,
  startStack,
  text,
} from './fixtures.ts'

let stack: Stack
let token: string
beforeAll(async () => {
  stack = await startStack({ webhooks: false })
  token = await mint(stack)
})
afterAll(async () => {
  await stack.close()
  expectNoKeyLeak()
})

const auth = () => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' })

describe('the forwarding allowlist', () => {
  it('refuses unlisted paths without contacting upstream', async () => {
    const before = stack.upstreamCalls.length
    for (const [method, path, status, code] of [
      ['GET', '/v1/me', 404],
      ['GET', '/v1/health', 404],
      ['GET', '/v1/openapi.json', 404],
      ['POST', '/v1/webhook_subscriptions', 404],
      ['GET', '/v1/messages', 405],
      ['DELETE', '/v1/messages/msg_01J0000000000000000000000A', 405],
      ['PUT', '/v1/messages', 405],
      ['POST', '/v1/templates', 405],
      ['POST', '/v1/messages/', 404, 'resource_not_found'],
      ['GET', '/v1/templates/', 404],
      ['GET', '/v1/templates/tmpl_01J0000000000000000000000A', 404],
      ['GET', '/v1/messages/msg_01J0000000000000000000000A/events', 404, 'resource_not_found'],
      ['GET', '/v2/messages', 404],
      ['GET', '/admin', 404],
      ['GET', '', 404],
      ['GET', '/', 404],
      ['POST', '/V1/MESSAGES', 404],
      ['POST', '/v1/messages.json', 404],
      ['POST', '/tokens', 404],
      ['GET', '/events/x', 404],
    ] as [string, string, number, string?][]) {
      const response = await browserFetch(`${stack.base}${path}`, {
        method,
        headers: auth(),
        body: method === 'GET' ? undefined : JSON.stringify(text()),
      })
      expect(response.status, `${method} ${path}`).toBe(status)
      const error = await envelopeOf(response)
      expect(error.code).toBe(code ?? (status === 405 ? 'method_not_allowed' : 'route_not_found'))
      if (status === 405) expect(response.headers.get('allow')).toMatch(/^(GET|POST)$/)
    }
    expect(stack.upstreamCalls.length).toBe(before)
  })

  it('refuses requests outside basePath', async () => {
    const before = stack.upstreamCalls.length
    for (const path of [
      '/v1/messages',
      '/api/v1/messages',
      '/api/kirimx/v1/messages',
      '/api/KIRIM/v1/messages',
    ]) {
      const response = await send(
        { ...stack, base: `${stack.origin}${path.replace('/v1/messages', '')}` },
        token,
        text(),
      )
      expect(response.status, path).toBe(404)
    }
    expect(stack.upstreamCalls.length).toBe(before)
  })

  it('refuses message ids not shaped like msg_ + 26 Crockford characters', async () => {
    const before = stack.upstreamCalls.length
    for (const id of [
      'msg_01J000000000000000000000',
      'msg_01J00000000000000000000000A',
      'msg_01j0000000000000000000000a',
      'msg_01J000000000000000000000IL',
      'msg_01J000000000000000000000OU',
      'tmpl_01J0000000000000000000000A',
      'msg_',
      '..',
      'msg_01J0000000000000000000000A;x',
      'msg_01J0000000000000000000000A.json',
    ]) {
      const response = await browserFetch(`${stack.base}/v1/messages/${id}`, { headers: auth() })
      expect(response.status, id).toBe(404)
      const error = await envelopeOf(response)
      expect(error.type).toBe('not_found')
    }
    expect(stack.upstreamCalls.length).toBe(before)
  })

  it('refuses encoded slashes, dots and backslashes in the path (invalid_path)', async () => {
    const before = stack.upstreamCalls.length
    for (const target of [
      '/api/kirim/v1%2Fme',
      '/api/kirim/v1%2fme',
      '/api/kirim/v1/messages%2F..%2F..%2Fme',
      '/api/kirim/v1/%2e%2e/me',
      '/api/kirim/v1/%2E%2E/admin',
      '/api/kirim/v1/messages/%2e%2e%2fme',
      '/api/kirim/v1/%6dessages',
      '/api/kirim/v1%5cme',
      '/api/kirim//v1/messages',
      '/api/kirim/v1//messages',
      '//api/kirim/v1/messages',
    ]) {
      const response = await rawRequest(stack.origin, {
        method: 'POST',
        target,
        headers: auth(),
        body: JSON.stringify(text()),
      })
      expect([400, 404], target).toContain(response.status)
      expect(JSON.parse(response.body).error.code, target).toMatch(
        /^(invalid_path|invalid_request_target|route_not_found)$/,
      )
    }
    expect(stack.upstreamCalls.length).toBe(before)
  })

  it('refuses dot segments, which the URL parser would resolve, whatever they resolve to', async () => {
    const before = stack.upstreamCalls.length
    for (const target of [
      '/api/kirim/v1/../admin',
      '/api/kirim/v1/../../v1/me',
      '/api/kirim/v1/messages/../me',
      '/api/kirim/v1/./me',
      '/api/kirim/x/../v1/me',
      '/api/kirim/v1/messages/..',
    ]) {
      const response = await rawRequest(stack.origin, { target, headers: auth() })
      expect([400, 404, 405], target).toContain(response.status)
    }
    expect(stack.upstreamCalls.length).toBe(before)
  })

  it('refuses absolute-form and protocol-relative targets naming another host', async () => {
    const before = stack.upstreamCalls.length
    for (const target of [
      'http://evil.example/api/kirim/v1/me',
      'http://evil.example/api/kirim/v1/messages',
      'https://evil.example:443/api/kirim/v1/templates',
      '//evil.example/api/kirim/v1/templates',
    ]) {
      const response = await rawRequest(stack.origin, {
        method: target.endsWith('messages') ? 'POST' : 'GET',
        target,
        headers: auth(),
        body: target.endsWith('messages') ? JSON.stringify(text()) : undefined,
      })
      expect(response.status, target).toBe(400)
      expect(JSON.parse(response.body).error.code).toMatch(
        /^(invalid_request_target|invalid_path)$/,
      )
    }
    expect(stack.upstreamCalls.length).toBe(before)
  })

  it('refuses before checking the token: an unlisted path is 404 even without one', async () => {
    const response = await browserFetch(`${stack.base}/v1/me`)
    expect(response.status).toBe(404)
  })
})

describe('what reaches upstream', () => {
  it('sends only the allowlisted request headers, with the API key instead of the token', async () => {
    const before = stack.upstreamHeaders.length
    // Raw HTTP: fetch would refuse some of these hop-by-hop headers itself.
    const response = await rawRequest(stack.origin, {
      method: 'POST',
      target: '/api/kirim/v1/messages',
      body: JSON.stringify(text()),
      headers: {
        ...auth(),
        cookie: 'session=secret-session',
        'x-forwarded-for': '10.0.0.1',
        'x-forwarded-host': 'evil.example',
        'x-real-ip': '10.0.0.2',
        connection: 'keep-alive, x-custom',
        'keep-alive': 'timeout=5',
        'x-custom': 'hop',
        'proxy-authorization': 'Basic abc',
        te: 'trailers',
        upgrade: 'h2c',
        'idempotency-key': 'key-1',
        'x-emulator-fault': '500',
        origin: stack.origin,
        referer: 'https://app.example.com/page',
      },
    })
    expect(response.status).toBe(202)
    const headers = stack.upstreamHeaders[before]!
    const names = [...headers.keys()]
    for (const name of names) {
      expect([
        'accept',
        'authorization',
        'content-type',
        'idempotency-key',
        'content-length',
        'user-agent',
        'accept-encoding',
        'accept-language',
        'sec-fetch-mode',
        'connection',
        'host',
      ]).toContain(name)
    }
    expect(headers.get('authorization')).toBe('Bearer kdv_live_Pr0xyT3stK3y-n0tInBr0wsr')
    expect(headers.get('cookie')).toBeNull()
    expect(headers.get('x-forwarded-for')).toBeNull()
    expect(headers.get('x-emulator-fault')).toBeNull()
    expect(headers.get('content-type')).toBe('application/json')
    expect(headers.get('idempotency-key')).toMatch(/^kp_/)
  })

  it('passes only status, body and the allowlisted response headers back', async () => {
    const response = await send(stack, token, text())
    expect(response.status).toBe(202)
    const names = [...response.headers.keys()].sort()
    for (const name of names) {
      expect([
        'cache-control',
        'connection',
        'content-length',
        'content-type',
        'date',
        'idempotent-replayed',
        'keep-alive',
        'transfer-encoding',
        'x-content-type-options',
        'x-ratelimit-limit',
        'x-ratelimit-remaining',
        'x-ratelimit-reset',
        'x-request-id',
      ]).toContain(name)
    }
    expect(response.headers.get('x-request-id')).toMatch(/^req_/)
    expect(response.headers.get('x-ratelimit-limit')).not.toBeNull()
  })

  it('passes upstream errors on (status and envelope) with Retry-After', async () => {
    await fetch(`${stack.emulatorServer.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: '503', count: 1, retryAfter: 7 }),
    })
    const response = await send(stack, token, text())
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('7')
    const error = await envelopeOf(response)
    expect(error.type).toBe('api_error')
  })

  it('GET /v1/templates passes the known filters only, first value of each', async () => {
    const before = stack.upstreamCalls.length
    const response = await browserFetch(
      `${stack.base}/v1/templates?status=approved&limit=2&language=id_ID&name=otp_code&cursor=abc&expand=secrets&api_key=x&status=paused`,
      { headers: auth() },
    )
    expect(response.status).toBe(400) // the fake cursor is refused by upstream, passed on
    expect(stack.upstreamCalls[before]).toBe(
      'GET /v1/templates?status=approved&language=id_ID&name=otp_code&limit=2&cursor=abc',
    )
    const page = await browserFetch(`${stack.base}/v1/templates?limit=2&status=approved`, {
      headers: auth(),
    })
    expect(page.status).toBe(200)
    const body = (await page.json()) as { data: unknown[]; has_more: boolean }
    expect(body.data).toHaveLength(2)
    expect(body.has_more).toBe(true)
  })
})
