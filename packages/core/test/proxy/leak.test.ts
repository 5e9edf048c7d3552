/**
 * The API key against an upstream that tries to leak it: echoed in error bodies and headers,
 * in thrown errors, in 401s. Every response the browser gets, and every error `onError` gets,
 * is scanned.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createProxy, type KirimProxy } from '../../src/proxy/index.ts'
import {
  API_KEY,
  browserFetch,
  envelopeOf,
  expectNoKeyLeak,
  reportedErrors,
  send,
  TOKEN_SECRET,
  testAuthorize,
  text,
} from './fixtures.ts'
import { type Served, serve } from './serve.ts'

/** An upstream that echoes the Authorization it receives wherever it can. */
async function leakyUpstream(request: Request): Promise<Response> {
  const authorization = request.headers.get('authorization') ?? ''
  const path = new URL(request.url).pathname
  if (path === '/v1/templates') {
    await new Promise((resolve) => setTimeout(resolve, 300))
    return new Response('{"data":[]}', { headers: { 'content-type': 'application/json' } })
  }
  if (path.startsWith('/401/')) {
    return new Response(
      JSON.stringify({
        error: {
          type: 'authentication_error',
          code: 'invalid_api_key',
          message: `Bad key ${authorization}`,
        },
      }),
      { status: 401, headers: { 'content-type': 'application/json' } },
    )
  }
  return new Response(
    JSON.stringify({
      error: {
        type: 'invalid_request_error',
        code: 'invalid_field_value',
        message: `You sent ${authorization} with ${request.headers.get('idempotency-key')}`,
        request_id: 'req_01J00000000000000000000000',
      },
    }),
    {
      status: 400,
      headers: {
        'content-type': 'application/json',
        'x-request-id': `req_${API_KEY}`,
        'x-debug-authorization': authorization,
        'set-cookie': `key=${API_KEY}`,
        'retry-after': '1',
      },
    },
  )
}

let upstream: Served
let proxy: KirimProxy
let proxyServer: Served
let base: string

beforeAll(async () => {
  upstream = await serve(leakyUpstream)
  proxy = createProxy({
    apiKey: API_KEY,
    baseUrl: upstream.url,
    tokenSecret: TOKEN_SECRET,
    authorize: testAuthorize,
    upstreamTimeout: 100,
    onError: (error) => {
      reportedErrors.push(error)
    },
  })
  proxyServer = await serve(proxy.fetch)
  base = `${proxyServer.url}/api/kirim`
})
afterAll(async () => {
  await proxyServer.close()
  await upstream.close()
  expectNoKeyLeak()
})

async function token(at = base): Promise<string> {
  const response = await browserFetch(`${at}/token`, { method: 'POST' })
  return ((await response.json()) as { token: string }).token
}

describe('the API key never reaches the browser', () => {
  it('passes an upstream error body on with the key redacted, and drops unlisted or tainted headers', async () => {
    const response = await send({ base } as never, await token(), text(), {
      'idempotency-key': 'k1',
    })
    expect(response.status).toBe(400)
    const error = await envelopeOf(response)
    expect(error.code).toBe('invalid_field_value')
    expect(error.message).toMatch(/^You sent Bearer \[redacted\] with kp_/)
    expect(response.headers.get('x-request-id')).toBeNull()
    expect(response.headers.get('x-debug-authorization')).toBeNull()
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(response.headers.get('retry-after')).toBe('1')
  })

  it('answers 504 upstream_timeout when upstream is too slow', async () => {
    const response = await browserFetch(`${base}/v1/templates`, {
      headers: { authorization: `Bearer ${await token()}` },
    })
    expect(response.status).toBe(504)
    expect((await envelopeOf(response)).code).toBe('upstream_timeout')
  })

  it('answers 502 upstream_unreachable when upstream is down, and reports an error without the key', async () => {
    const down = createProxy({
      apiKey: API_KEY,
      baseUrl: 'http://127.0.0.1:9',
      tokenSecret: TOKEN_SECRET,
      authorize: testAuthorize,
      onError: (error) => {
        reportedErrors.push(error)
      },
    })
    const served = await serve(down.fetch)
    try {
      const at = `${served.url}/api/kirim`
      const errors = reportedErrors.length
      const response = await send({ base: at } as never, await token(at), text())
      expect(response.status).toBe(502)
      const error = await envelopeOf(response)
      expect(error).toMatchObject({ type: 'api_error', code: 'upstream_unreachable' })
      expect(reportedErrors.length).toBe(errors + 1)
      expect(reportedErrors.at(-1)!.name).toBe('UpstreamFailure')
    } finally {
      await served.close()
    }
  })

  it('redacts the key from errors a custom fetch throws (message, stack, cause), and survives a throwing onError', async () => {
    const seen: Error[] = []
    let calls = 0
    const throwing = createProxy({
      apiKey: API_KEY,
      tokenSecret: TOKEN_SECRET,
      authorize: testAuthorize,
      fetch: async (request) => {
        calls++
        throw new TypeError(`connect failed for ${request.headers.get('authorization')}`, {
          cause: new Error(`socket said ${API_KEY}`),
        })
      },
      onError: (error) => {
        seen.push(error)
        reportedErrors.push(error)
        throw new Error('logger down')
      },
    })
    const served = await serve(throwing.fetch)
    try {
      const at = `${served.url}/api/kirim`
      const response = await send({ base: at } as never, await token(at), text())
      expect(response.status).toBe(502)
      expect(calls).toBe(1)
      expect(seen).toHaveLength(1)
      const cause = seen[0]!.cause as Error
      expect(cause.message).toBe('connect failed for Bearer [redacted]')
      expect((cause.cause as Error).message).toBe('socket said [redacted]')
    } finally {
      await served.close()
    }
  })

  it('turns upstream’s 401 into 502 and reports it without the key', async () => {
    const seen: Error[] = []
    const wrongKey = createProxy({
      apiKey: API_KEY,
      baseUrl: `${upstream.url}/401`,
      tokenSecret: TOKEN_SECRET,
      authorize: testAuthorize,
      onError: (error) => {
        seen.push(error)
        reportedErrors.push(error)
      },
    })
    const served = await serve(wrongKey.fetch)
    try {
      const at = `${served.url}/api/kirim`
      const response = await browserFetch(`${at}/v1/templates`, {
        headers: { authorization: `Bearer ${await token(at)}` },
      })
      expect(response.status).toBe(502)
      expect(await envelopeOf(response)).toMatchObject({ code: 'upstream_authentication_failed' })
      expect(seen[0]!.message).toContain('Bad key Bearer [redacted]')
    } finally {
      await served.close()
    }
  })
})
