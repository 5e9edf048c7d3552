// Token auth for browsers: a token endpoint (a small node:http server here) mints tokens that the
// emulator accepts as keys; the client fetches, shares, refreshes and retries them.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  AuthenticationError,
  ConnectionError,
  InvalidResponseError,
  Kirim,
  type KirimOptions,
  ValidationError,
} from '../src/index.ts'
import { countingFetch, type RunningEmulator, startEmulator } from './support/emulator.ts'

// Keys the emulator accepts, handed out as tokens one after the other.
const tokens = Array.from(
  { length: 8 },
  (_, i) => `kdv_live_tokentokentokentoken${String(i).padStart(4, '0')}`,
)
const expiredToken = 'kdv_live_expiredtokenexpiredtoken'
const wrongToken = 'kdv_live_wrongtokenwrongtokenwron'

let env: RunningEmulator
beforeAll(async () => {
  env = await startEmulator({ apiKeys: tokens, expiredApiKeys: [expiredToken] })
})
afterAll(() => env.close())

/** The token endpoint: answers each POST with the next entry of `plan` (a body, or a status and body). */
type Answer = { token: string; expiresIn: number } | { status: number; body: string } | 'drop'
let server: Server
let tokenUrl: string
let plan: Answer[] = []
let issued = 0
/** Milliseconds the endpoint waits before answering. */
let answerDelay = 0
const cookies: (string | undefined)[] = []
beforeEach(async () => {
  plan = []
  issued = 0
  answerDelay = 0
  cookies.length = 0
  server = createServer((request, response) => {
    cookies.push(request.headers.cookie)
    const answer = plan[Math.min(issued, plan.length - 1)]
    issued++
    if (answer === 'drop' || answer === undefined) {
      request.socket.destroy()
      return
    }
    const [status, body] =
      'status' in answer ? [answer.status, answer.body] : [200, JSON.stringify(answer)]
    setTimeout(() => {
      if (!response.destroyed) {
        response.writeHead(status, { 'content-type': 'application/json' }).end(body)
      }
    }, answerDelay)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  tokenUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/kirim/token`
})
afterEach(async () => {
  vi.unstubAllGlobals()
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

const client = (options: Partial<KirimOptions> = {}) => {
  const counter = countingFetch()
  const kirim = new Kirim({
    tokenUrl,
    baseUrl: env.url,
    fetch: counter.fetch,
    ...options,
  } as KirimOptions)
  const api = () => counter.sent.filter((r) => r.path.startsWith('/v1/'))
  const tokenPosts = () => counter.sent.filter((r) => r.path === '/api/kirim/token')
  return { kirim, counter, api, tokenPosts }
}

describe('tokenUrl', () => {
  it('fetches one token for many concurrent calls and sends it as the bearer', async () => {
    plan = [{ token: tokens[0] as string, expiresIn: 300 }]
    const { kirim, api, tokenPosts } = client()
    const results = await Promise.all(Array.from({ length: 12 }, () => kirim.me()))
    expect(results).toHaveLength(12)
    expect(tokenPosts()).toHaveLength(1)
    expect(tokenPosts()[0]).toMatchObject({ method: 'POST', authorization: null })
    expect(api().map((r) => r.authorization)).toEqual(api().map(() => `Bearer ${tokens[0]}`))
    await kirim.me()
    expect(tokenPosts()).toHaveLength(1)
  })

  it('refreshes shortly before expiry, by the relative expiresIn', async () => {
    plan = [
      { token: tokens[1] as string, expiresIn: 1 },
      { token: tokens[2] as string, expiresIn: 1 },
    ]
    const { kirim, api, tokenPosts } = client()
    await kirim.me()
    await new Promise((resolve) => setTimeout(resolve, 850)) // past 80 % of the second, before expiry
    await kirim.me()
    expect(tokenPosts()).toHaveLength(2)
    expect(api().map((r) => r.authorization)).toEqual([
      `Bearer ${tokens[1]}`,
      `Bearer ${tokens[2]}`,
    ])
  })

  it('on a 401, fetches a fresh token and repeats the call once', async () => {
    plan = [
      { token: expiredToken, expiresIn: 300 },
      { token: tokens[3] as string, expiresIn: 300 },
    ]
    const { kirim, api, tokenPosts } = client()
    const sent = await kirim.messages.send({
      to: '+628111111111',
      type: 'text',
      text: { body: 'Halo' },
    })
    expect(sent.status).toBe('pending')
    expect(tokenPosts()).toHaveLength(2)
    expect(api().map((r) => [r.status, r.authorization])).toEqual([
      [401, `Bearer ${expiredToken}`],
      [202, `Bearer ${tokens[3]}`],
    ])
    // The repeat is the same logical send: same idempotency key.
    expect(new Set(api().map((r) => r.idempotencyKey)).size).toBe(1)
  })

  it('refreshes only once: a token refused twice throws AuthenticationError', async () => {
    plan = [{ token: wrongToken, expiresIn: 300 }]
    const { kirim, api, tokenPosts } = client()
    const error = await kirim.me().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AuthenticationError)
    expect(error).toMatchObject({ status: 401, code: 'invalid_api_key' })
    expect(api().map((r) => r.status)).toEqual([401, 401])
    expect(tokenPosts()).toHaveLength(2)
  })

  it('shares one refresh among concurrent calls refused with the same token', async () => {
    plan = [
      { token: expiredToken, expiresIn: 300 },
      { token: tokens[4] as string, expiresIn: 300 },
    ]
    const { kirim, tokenPosts } = client()
    await Promise.all(Array.from({ length: 6 }, () => kirim.me()))
    expect(tokenPosts()).toHaveLength(2)
  })

  it('maps the endpoint refusing a token to its error, with no API call', async () => {
    plan = [
      {
        status: 401,
        body: JSON.stringify({
          error: { type: 'authentication_error', code: 'session_expired', message: 'Log in again' },
        }),
      },
    ]
    const { kirim, api } = client()
    const error = await kirim.me().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AuthenticationError)
    expect(error).toMatchObject({ status: 401, code: 'session_expired' })
    expect(api()).toHaveLength(0)
  })

  it('rejects a token response that breaks the contract', async () => {
    plan = [{ status: 200, body: JSON.stringify({ token: tokens[0], expires_in: 300 }) }]
    const { kirim, api } = client()
    const error = await kirim.me().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InvalidResponseError)
    expect(error).toMatchObject({ code: 'invalid_response', status: 200 })
    expect((error as InvalidResponseError).issues.map((issue) => issue.path)).toEqual(['expiresIn'])
    expect(api()).toHaveLength(0)
  })

  it('rejects a token that would not fit a header, without quoting it', async () => {
    plan = [{ token: 'kdv live token with spaces', expiresIn: 300 }]
    const { kirim, api } = client()
    const error = await kirim.me().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InvalidResponseError)
    expect((error as InvalidResponseError).issues).toEqual([
      {
        path: 'token',
        message: 'must be visible ASCII characters without spaces, to fit a header',
      },
    ])
    expect((error as Error).message).not.toContain('with spaces')
    expect(api()).toHaveLength(0)
  })

  it('retries the token POST on a network failure only', async () => {
    plan = ['drop', { token: tokens[5] as string, expiresIn: 300 }]
    const { kirim, tokenPosts } = client()
    await kirim.me()
    expect(tokenPosts()).toHaveLength(2)

    plan = ['drop']
    issued = 0
    const { kirim: unlucky, tokenPosts: posts } = client({ maxRetries: 1 })
    await expect(unlucky.me()).rejects.toMatchObject({
      name: 'ConnectionError',
      code: 'network_error',
    })
    expect(posts()).toHaveLength(2)
  })

  it("sends credentials: 'include' in a browser, so the session cookie goes along", async () => {
    vi.stubGlobal('window', {})
    vi.stubGlobal('document', {})
    plan = [{ token: tokens[6] as string, expiresIn: 300 }]
    const seen: RequestCredentials[] = []
    const kirim = new Kirim({
      tokenUrl,
      baseUrl: env.url,
      fetch: (input, init) => {
        if (input instanceof Request) seen.push(input.credentials)
        return fetch(input, init)
      },
    })
    await kirim.me()
    expect(seen).toEqual(['include', 'same-origin'])
  })
})

describe('token', () => {
  it('calls a token function once for concurrent calls, and checks what it returns', async () => {
    let calls = 0
    const counter = countingFetch()
    const kirim = new Kirim({
      baseUrl: env.url,
      fetch: counter.fetch,
      token: async () => {
        calls++
        await new Promise((resolve) => setTimeout(resolve, 30))
        return { token: tokens[7] as string, expiresIn: 60 }
      },
    })
    await Promise.all(Array.from({ length: 5 }, () => kirim.me()))
    expect(calls).toBe(1)

    const broken = new Kirim({
      baseUrl: env.url,
      token: async () => ({ token: 'x', expiresIn: -1 }),
    })
    const error = await broken.me().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).issues).toEqual([
      { path: 'expiresIn', message: 'must be a positive number of seconds (got -1)' },
    ])
  })

  it("checks that a token function's token fits a header", async () => {
    const counter = countingFetch()
    const kirim = new Kirim({
      baseUrl: env.url,
      fetch: counter.fetch,
      token: async () => ({ token: 'secret with spaces', expiresIn: 60 }),
    })
    const error = await kirim.me().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual(['token'])
    expect((error as Error).message).not.toContain('secret')
    expect(counter.count()).toBe(0)
  })

  it('uses a token string as is and cannot refresh it: one 401, no repeat', async () => {
    const counter = countingFetch()
    const kirim = new Kirim({ baseUrl: env.url, fetch: counter.fetch, token: expiredToken })
    await expect(kirim.me()).rejects.toMatchObject({
      name: 'AuthenticationError',
      code: 'expired_api_key',
    })
    expect(counter.count()).toBe(1)
  })

  it('lets the caller abort while waiting for a token', async () => {
    const kirim = new Kirim({ baseUrl: env.url, token: () => new Promise(() => {}) })
    const error = await kirim.me({ signal: AbortSignal.timeout(50) }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConnectionError)
    expect(error).toMatchObject({ code: 'aborted' })
  })
})

describe('kirim.token()', () => {
  const text = { to: '+628111111111', type: 'text', text: { body: 'Halo' } } as const

  it('returns the cached token, sharing one fetch with concurrent sends', async () => {
    plan = [{ token: tokens[0] as string, expiresIn: 300 }]
    answerDelay = 30
    const { kirim, api, tokenPosts } = client()
    const [first, , second] = await Promise.all([
      kirim.token(),
      kirim.messages.send(text),
      kirim.token(),
      kirim.messages.send(text),
    ])
    expect([first, second]).toEqual([tokens[0], tokens[0]])
    expect(tokenPosts()).toHaveLength(1)
    expect(api().map((r) => r.authorization)).toEqual([
      `Bearer ${tokens[0]}`,
      `Bearer ${tokens[0]}`,
    ])
    // Cached from then on: no further POST.
    expect(await kirim.token()).toBe(tokens[0])
    expect(tokenPosts()).toHaveLength(1)
  })

  it('is the cache the client itself uses: a token refreshed after a 401 comes back as is', async () => {
    plan = [
      { token: expiredToken, expiresIn: 300 },
      { token: tokens[3] as string, expiresIn: 300 },
    ]
    const { kirim, tokenPosts } = client()
    await kirim.me()
    expect(await kirim.token()).toBe(tokens[3])
    expect(tokenPosts()).toHaveLength(2)
  })

  it('rejected: drops that token and fetches exactly one fresh one, shared by every caller', async () => {
    plan = [
      { token: tokens[1] as string, expiresIn: 300 },
      { token: tokens[2] as string, expiresIn: 300 },
    ]
    const { kirim, api, tokenPosts } = client()
    expect(await kirim.token()).toBe(tokens[1])
    const fresh = await Promise.all([
      kirim.token({ rejected: tokens[1] }),
      kirim.token({ rejected: tokens[1] }),
      kirim.token(),
    ])
    expect(fresh).toEqual([tokens[2], tokens[2], tokens[2]])
    expect(tokenPosts()).toHaveLength(2)

    // A stale rejection (not the cached token) changes nothing.
    expect(await kirim.token({ rejected: tokens[1] })).toBe(tokens[2])
    expect(tokenPosts()).toHaveLength(2)
    await kirim.me()
    expect(api().map((r) => r.authorization)).toEqual([`Bearer ${tokens[2]}`])
  })

  it('returns undefined for an apiKey client, and never drops or exposes the key', async () => {
    const counter = countingFetch()
    const key = tokens[5] as string
    const kirim = new Kirim({ apiKey: key, baseUrl: env.url, fetch: counter.fetch })
    expect(await kirim.token()).toBeUndefined()
    expect(await kirim.token({ rejected: key })).toBeUndefined()
    expect(counter.count()).toBe(0)
    await kirim.me()
    expect(counter.sent.map((r) => r.authorization)).toEqual([`Bearer ${key}`])
  })

  it('returns a token string as is, even when it is rejected (it cannot change)', async () => {
    const counter = countingFetch()
    const kirim = new Kirim({ baseUrl: env.url, fetch: counter.fetch, token: tokens[6] as string })
    expect(await kirim.token()).toBe(tokens[6])
    expect(await kirim.token({ rejected: tokens[6] })).toBe(tokens[6])
    expect(counter.count()).toBe(0)
  })

  it("returns a token function's token, calling it once for concurrent callers", async () => {
    let calls = 0
    const kirim = new Kirim({
      baseUrl: env.url,
      token: async () => {
        calls++
        await new Promise((resolve) => setTimeout(resolve, 20))
        return { token: tokens[7] as string, expiresIn: 60 }
      },
    })
    expect(await Promise.all([kirim.token(), kirim.token()])).toEqual([tokens[7], tokens[7]])
    expect(calls).toBe(1)
    expect(await kirim.token({ rejected: tokens[7] })).toBe(tokens[7])
    expect(calls).toBe(2)
  })

  it('lets one caller abort while the fetch others wait for goes on', async () => {
    plan = [{ token: tokens[4] as string, expiresIn: 300 }]
    answerDelay = 150
    const { kirim, tokenPosts } = client()
    const controller = new AbortController()
    const aborted = kirim.token({ signal: controller.signal }).catch((e: unknown) => e)
    const patient = kirim.token()
    setTimeout(() => controller.abort(new Error('left the page')), 20)
    const error = await aborted
    expect(error).toBeInstanceOf(ConnectionError)
    expect(error).toMatchObject({ code: 'aborted', cause: new Error('left the page') })
    expect(await patient).toBe(tokens[4])
    expect(tokenPosts()).toHaveLength(1)
  })

  it('rejects at once when the signal already fired, even with a cached token', async () => {
    plan = [{ token: tokens[4] as string, expiresIn: 300 }]
    const { kirim, tokenPosts } = client()
    const fired = AbortSignal.abort()
    await expect(kirim.token({ signal: fired })).rejects.toMatchObject({
      name: 'ConnectionError',
      code: 'aborted',
    })
    expect(tokenPosts()).toHaveLength(0)
    expect(await kirim.token()).toBe(tokens[4])
    await expect(kirim.token({ signal: fired, rejected: tokens[4] })).rejects.toMatchObject({
      code: 'aborted',
    })
    // The aborted call dropped nothing.
    expect(await kirim.token()).toBe(tokens[4])
    expect(tokenPosts()).toHaveLength(1)
  })

  it("throws the token endpoint's error", async () => {
    plan = [
      {
        status: 401,
        body: JSON.stringify({
          error: { type: 'authentication_error', code: 'session_expired', message: 'Log in again' },
        }),
      },
    ]
    const { kirim } = client()
    const error = await kirim.token().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AuthenticationError)
    expect(error).toMatchObject({ status: 401, code: 'session_expired' })
  })

  it('checks its options', async () => {
    const { kirim, tokenPosts } = client()
    for (const [options, path] of [
      [null, 'options'],
      [{ signal: 'soon' }, 'options.signal'],
    ] as const) {
      const error = await kirim.token(options as never).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ValidationError)
      expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual([path])
    }
    expect(tokenPosts()).toHaveLength(0)
  })
})
