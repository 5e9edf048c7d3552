import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  APP_ORIGIN,
  browserFetch,
  envelopeOf,
  expectNoKeyLeak,
  extraProxy,
  mint,
  type Stack,
  send,
  startStack,
  text,
} from './fixtures.ts'

let stack: Stack
/** A proxy with `allowedOrigins: [APP_ORIGIN]`. */
let strict: { base: string; close(): Promise<void> }
beforeAll(async () => {
  stack = await startStack({ webhooks: false })
  strict = await extraProxy(stack, { allowedOrigins: [APP_ORIGIN, 'http://localhost:5173'] })
})
afterAll(async () => {
  await strict.close()
  await stack.close()
  expectNoKeyLeak()
})

const EXPOSED =
  'X-Request-Id, Idempotent-Replayed, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After'

describe('CORS preflight', () => {
  it('answers 204 with the CORS headers for an allowed origin', async () => {
    for (const path of [
      '/token',
      '/v1/messages',
      '/v1/templates',
      '/events',
      '/v1/messages/msg_01J0000000000000000000000A',
    ]) {
      const response = await browserFetch(`${strict.base}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin: APP_ORIGIN,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type, idempotency-key',
        },
      })
      expect(response.status, path).toBe(204)
      expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN)
      expect(response.headers.get('access-control-allow-credentials')).toBe('true')
      expect(response.headers.get('access-control-allow-headers')).toBe(
        'Authorization, Content-Type, Idempotency-Key, Last-Event-ID',
      )
      expect(response.headers.get('access-control-allow-methods')).toMatch(/^(GET|POST)$/)
      expect(response.headers.get('access-control-max-age')).toBe('600')
      expect(response.headers.get('vary')).toBe('Origin')
    }
  })

  it('refuses a preflight from any other origin, without CORS headers', async () => {
    for (const origin of [
      'https://evil.example',
      'https://app.example.com.evil.example',
      'http://app.example.com',
      'null',
    ]) {
      const response = await browserFetch(`${strict.base}/v1/messages`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      })
      expect(response.status, origin).toBe(403)
      expect(response.headers.get('access-control-allow-origin')).toBeNull()
      expect((await envelopeOf(response)).code).toBe('origin_forbidden')
    }
  })

  it('refuses every preflight when no origin is allowed', async () => {
    const response = await browserFetch(`${stack.base}/v1/messages`, {
      method: 'OPTIONS',
      headers: { origin: APP_ORIGIN, 'access-control-request-method': 'POST' },
    })
    expect(response.status).toBe(403)
  })

  it('does not answer preflights on the webhook route', async () => {
    const response = await browserFetch(`${strict.base}/webhooks`, {
      method: 'OPTIONS',
      headers: { origin: APP_ORIGIN, 'access-control-request-method': 'POST' },
    })
    expect(response.status).toBe(405)
  })
})

describe('CORS on answers', () => {
  it('adds CORS headers, exposing what the SDK reads, for an allowed origin only', async () => {
    const minted = await browserFetch(`${strict.base}/token`, {
      method: 'POST',
      headers: { origin: APP_ORIGIN },
    })
    expect(minted.status).toBe(200)
    expect(minted.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN)
    expect(minted.headers.get('access-control-expose-headers')).toBe(EXPOSED)
    const { token } = (await minted.json()) as { token: string }
    const sent = await send({ ...stack, base: strict.base }, token, text(), { origin: APP_ORIGIN })
    expect(sent.status).toBe(202)
    expect(sent.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN)
    expect(sent.headers.get('access-control-allow-credentials')).toBe('true')
    // Errors carry them too, so the browser can read why.
    const refused = await send({ ...stack, base: strict.base }, undefined, text(), {
      origin: APP_ORIGIN,
    })
    expect(refused.status).toBe(401)
    expect(refused.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN)
  })

  it('gives no CORS headers to the proxy’s own origin', async () => {
    const response = await browserFetch(`${stack.base}/token`, {
      method: 'POST',
      headers: { origin: stack.origin },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('the Origin check (CSRF)', () => {
  it('refuses a disallowed Origin on every browser route, without contacting upstream', async () => {
    const token = await mint(stack)
    const before = stack.upstreamCalls.length
    for (const base of [stack.base, strict.base]) {
      for (const [method, path] of [
        ['POST', '/token'],
        ['POST', '/v1/messages'],
        ['GET', '/v1/templates'],
        ['GET', '/events'],
      ] as const) {
        const response = await browserFetch(`${base}${path}`, {
          method,
          headers: {
            origin: 'https://evil.example',
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
          },
          body: method === 'POST' ? JSON.stringify(text()) : undefined,
        })
        expect(response.status, `${base} ${path}`).toBe(403)
        expect(await envelopeOf(response)).toMatchObject({
          type: 'permission_error',
          code: 'origin_forbidden',
        })
        expect(response.headers.get('access-control-allow-origin')).toBeNull()
      }
    }
    expect(stack.upstreamCalls.length).toBe(before)
  })

  it('refuses a cookie-carrying request without Origin (CSRF), and accepts it from its own origin', async () => {
    const refused = await browserFetch(`${stack.base}/token`, {
      method: 'POST',
      headers: { cookie: 'session=abc' },
    })
    expect(refused.status).toBe(403)
    expect((await envelopeOf(refused)).code).toBe('origin_required')
    const crossSite = await browserFetch(`${stack.base}/token`, {
      method: 'POST',
      headers: { cookie: 'session=abc', origin: 'https://evil.example' },
    })
    expect(crossSite.status).toBe(403)
    expect((await envelopeOf(crossSite)).code).toBe('origin_forbidden')
    const sameOrigin = await browserFetch(`${stack.base}/token`, {
      method: 'POST',
      headers: { cookie: 'session=abc', origin: stack.origin },
    })
    expect(sameOrigin.status).toBe(200)
  })

  it('accepts a request without Origin and without cookies when allowedOrigins is unset (server callers)', async () => {
    const response = await browserFetch(`${stack.base}/token`, { method: 'POST' })
    expect(response.status).toBe(200)
  })

  it('with allowedOrigins set, refuses a request without Origin unless the browser marks it same-origin', async () => {
    const refused = await browserFetch(`${strict.base}/token`, { method: 'POST' })
    expect(refused.status).toBe(403)
    expect((await envelopeOf(refused)).code).toBe('origin_required')
    // EventSource on the same origin sends no Origin, but Sec-Fetch-Site says same-origin.
    const sameOrigin = await browserFetch(`${strict.base}/token`, {
      method: 'POST',
      headers: { 'sec-fetch-site': 'same-origin', cookie: 'session=abc' },
    })
    expect(sameOrigin.status).toBe(200)
    const crossSite = await browserFetch(`${strict.base}/token`, {
      method: 'POST',
      headers: { 'sec-fetch-site': 'cross-site' },
    })
    expect(crossSite.status).toBe(403)
  })

  it('refuses Origin: null (sandboxed frames, file://)', async () => {
    const response = await browserFetch(`${strict.base}/token`, {
      method: 'POST',
      headers: { origin: 'null' },
    })
    expect(response.status).toBe(403)
    expect((await envelopeOf(response)).code).toBe('origin_forbidden')
  })

  it('does not apply to webhooks (server to server, signed)', async () => {
    const response = await browserFetch(`${strict.base}/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    expect(response.status).toBe(400)
    expect((await envelopeOf(response)).code).toBe('missing_signature')
  })
})
