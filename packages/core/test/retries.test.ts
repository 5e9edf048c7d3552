// The retry policy, observed over real HTTP: what is retried, how long it waits, when it stops.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  ApiServerError,
  ConnectionError,
  InvalidRequestError,
  Kirim,
  type KirimOptions,
  RateLimitError,
} from '../src/index.ts'
import {
  countingFetch,
  emulatorApiKey,
  type RunningEmulator,
  startEmulator,
} from './support/emulator.ts'

let env: RunningEmulator
beforeAll(async () => {
  env = await startEmulator({ idempotencyWaitMs: 100 })
})
afterAll(() => env.close())
beforeEach(() => env.reset())

const text = { to: '+628111111111', type: 'text', text: { body: 'Halo' } } as const

const client = (options: Partial<KirimOptions> = {}) => {
  const counter = countingFetch()
  const kirim = new Kirim({
    apiKey: emulatorApiKey,
    baseUrl: env.url,
    fetch: counter.fetch,
    ...options,
  } as KirimOptions)
  return { kirim, counter }
}

const elapsed = async <T>(work: () => Promise<T>) => {
  const started = performance.now()
  const result = await work().catch((error: unknown) => error)
  return { result, ms: performance.now() - started }
}

describe('what is retried', () => {
  it('retries 5xx with the same idempotency key until the retries run out, then throws ApiServerError', async () => {
    await env.fault({ kind: '500', count: 10 })
    const { kirim, counter } = client({ maxRetries: 2 })
    const error = await kirim.messages.send(text).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiServerError)
    expect(error).toMatchObject({ status: 500, type: 'api_error' })
    expect(counter.sent.map((r) => r.status)).toEqual([500, 500, 500])
    expect(new Set(counter.sent.map((r) => r.idempotencyKey)).size).toBe(1)
    expect(await env.stored()).toHaveLength(0)
    await env.clearFaults()
  })

  it('retries 3 times by default', async () => {
    await env.fault({ kind: '500', count: 10 })
    const { kirim, counter } = client()
    await expect(kirim.me()).rejects.toMatchObject({ name: 'ApiServerError', status: 500 })
    expect(counter.count()).toBe(4)
    await env.clearFaults()
  }, 10_000)

  it('retries GETs too, and maxRetries per call overrides the client', async () => {
    await env.fault({ kind: '503', count: 1, retryAfter: 0 })
    const { kirim, counter } = client({ maxRetries: 0 })
    await expect(kirim.me({ maxRetries: 1 })).resolves.toMatchObject({
      organization: expect.any(Object),
    })
    expect(counter.sent.map((r) => r.status)).toEqual([503, 200])

    await env.fault({ kind: '500', count: 1 })
    await expect(kirim.me()).rejects.toBeInstanceOf(ApiServerError)
    expect(counter.count()).toBe(3)
  })

  it('does not retry a 4xx answer', async () => {
    const { kirim, counter } = client()
    await kirim.messages.send(text, { idempotencyKey: 'same-key' })
    await expect(
      kirim.messages.send({ ...text, text: { body: 'different' } }, { idempotencyKey: 'same-key' }),
    ).rejects.toBeInstanceOf(InvalidRequestError)
    expect(counter.sent.map((r) => r.status)).toEqual([202, 422])
  })

  it('retries 409 idempotency_in_progress until the first request answers, then gets its replay', async () => {
    // The first attempt is slow and the client gives up on it; the retry finds it still running.
    await env.fault({ kind: 'latency', count: 1, latencyMs: 900 })
    const { kirim, counter } = client({ timeout: 300, maxRetries: 8 })
    const message = await kirim.messages.send(text)
    const statuses = counter.sent.map((r) => r.status)
    expect(statuses).toContain(409)
    expect(statuses.at(-1)).toBe(202)
    expect(new Set(counter.sent.map((r) => r.idempotencyKey)).size).toBe(1)
    expect((await env.stored()).map((m) => m.id)).toEqual([message.id])
  }, 20_000)

  it('retries network errors, then throws ConnectionError network_error with the cause', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as AddressInfo
    await new Promise((resolve) => closed.close(resolve))
    const { kirim, counter } = client({ baseUrl: `http://127.0.0.1:${port}`, maxRetries: 1 })
    const error = await kirim.messages.send(text).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConnectionError)
    expect(error).toMatchObject({
      code: 'network_error',
      type: 'connection_error',
      status: undefined,
    })
    expect((error as ConnectionError).cause).toBeInstanceOf(Error)
    expect(counter.count()).toBe(2)
  })

  it('retries timeouts, then throws ConnectionError timeout', async () => {
    await env.fault({ kind: 'latency', count: 2, latencyMs: 1000 })
    const { kirim, counter } = client({ timeout: 150, maxRetries: 1 })
    const error = await kirim.me().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConnectionError)
    expect(error).toMatchObject({ code: 'timeout' })
    expect((error as ConnectionError).message).toContain('no response within 150 ms')
    expect(counter.count()).toBe(2)
  })
})

describe('failures around the response', () => {
  it('times out an attempt whose body stalls after the headers, and retries it', async () => {
    let requests = 0
    const stalling = createServer((_request, response) => {
      requests++
      response.writeHead(200, { 'content-type': 'application/json' })
      response.write('{"data":')
    })
    await new Promise<void>((resolve) => stalling.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = stalling.address() as AddressInfo
      const { kirim } = client({ baseUrl: `http://127.0.0.1:${port}`, timeout: 150, maxRetries: 1 })
      const { result, ms } = await elapsed(() => kirim.me())
      expect(result).toBeInstanceOf(ConnectionError)
      expect(result).toMatchObject({ code: 'timeout' })
      expect(requests).toBe(2)
      expect(ms).toBeLessThan(2000)
    } finally {
      stalling.closeAllConnections()
      await new Promise((resolve) => stalling.close(resolve))
    }
  })

  it("treats any rejection of the caller's fetch as a network failure, and retries it", async () => {
    let calls = 0
    const cause = new Error('socket hang up')
    const kirim = new Kirim({
      apiKey: emulatorApiKey,
      baseUrl: env.url,
      maxRetries: 2,
      fetch: async () => {
        calls++
        throw cause
      },
    })
    const error = await kirim.me().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConnectionError)
    expect(error).toMatchObject({ code: 'network_error', cause })
    expect((error as Error).message).toContain('socket hang up')
    expect(calls).toBe(3)
  })
})

describe('how long it waits', () => {
  it('honours Retry-After in seconds', async () => {
    await env.fault({ kind: '503', count: 1, retryAfter: 1 })
    const { kirim, counter } = client()
    const { ms } = await elapsed(() => kirim.messages.send(text))
    expect(ms).toBeGreaterThanOrEqual(900)
    expect(ms).toBeLessThan(3000)
    expect(counter.sent.map((r) => r.status)).toEqual([503, 202])
  })

  it('honours Retry-After on 429, and gives up at once beyond 60 s with RateLimitError.retryAfter', async () => {
    await env.fault({ kind: '429', count: 1, retryAfter: 1 })
    const { kirim, counter } = client()
    const waited = await elapsed(() => kirim.me())
    expect(waited.ms).toBeGreaterThanOrEqual(900)
    expect(counter.sent.map((r) => r.status)).toEqual([429, 200])

    await env.fault({ kind: '429', count: 1, retryAfter: 61 })
    const refused = await elapsed(() => kirim.me())
    expect(refused.result).toBeInstanceOf(RateLimitError)
    expect(refused.result).toMatchObject({
      status: 429,
      code: 'rate_limit_exceeded',
      retryAfter: 61,
    })
    expect(refused.ms).toBeLessThan(1000)
    expect(counter.count()).toBe(3)
  })

  it('backs off with jitter between attempts when no Retry-After is given', async () => {
    await env.fault({ kind: '500', count: 3 })
    const { kirim, counter } = client({ maxRetries: 3 })
    await kirim.me()
    const gaps = counter.sent.slice(1).map((r, i) => r.at - (counter.sent[i]?.at ?? 0))
    expect(gaps).toHaveLength(3)
    // Ceilings 500 ms, 1 s, 2 s: the three waits together stay under 3.5 s (plus request time).
    expect(gaps.reduce((a, b) => a + b, 0)).toBeLessThan(4000)
  })
})

describe('aborting', () => {
  it('stops in the middle of a Retry-After wait: no further attempt', async () => {
    await env.fault({ kind: '503', count: 1, retryAfter: 5 })
    const { kirim, counter } = client()
    const controller = new AbortController()
    setTimeout(() => controller.abort(new Error('user left the page')), 200)
    const { result, ms } = await elapsed(() =>
      kirim.messages.send(text, { signal: controller.signal }),
    )
    expect(result).toBeInstanceOf(ConnectionError)
    expect(result).toMatchObject({ code: 'aborted' })
    expect((result as ConnectionError).cause).toEqual(new Error('user left the page'))
    expect(ms).toBeLessThan(1500)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(counter.count()).toBe(1)
  })

  it('cancels a request in flight', async () => {
    await env.fault({ kind: 'latency', count: 1, latencyMs: 2000 })
    const { kirim, counter } = client()
    const { result, ms } = await elapsed(() => kirim.me({ signal: AbortSignal.timeout(150) }))
    expect(result).toMatchObject({ name: 'ConnectionError', code: 'aborted' })
    expect(ms).toBeLessThan(1000)
    expect(counter.count()).toBe(1)
  })

  it('sends nothing when the signal is already aborted', async () => {
    const { kirim, counter } = client()
    await expect(kirim.messages.send(text, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: 'aborted',
    })
    await expect(kirim.templates.list({}, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: 'aborted',
    })
    expect(counter.count()).toBe(0)
  })
})
