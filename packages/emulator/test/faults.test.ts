import { ConnectionDroppedError, createEmulator } from '@kirim/emulator'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  API_KEY,
  type ApiResponse,
  expectAccepted,
  expectApiError,
  type Harness,
  OPEN,
  startEmulator,
  templateTo,
} from './helpers.ts'

let h: Harness
beforeAll(async () => {
  h = await startEmulator({ rateLimits: false })
})
afterAll(async () => {
  await h?.close()
})
afterEach(async () => {
  await h.request('DELETE', '/_emulator/faults', { key: null })
  // The server keeps serving after every fault.
  const health = await h.get('/v1/health', { key: null })
  expect(health.status).toBe(200)
})

async function inject(body: Record<string, unknown>): Promise<void> {
  const r = await h.request('POST', '/_emulator/faults', { key: null, body })
  expect(r.status, r.text).toBeLessThan(300)
}

const send = (headers: Record<string, string> = {}) => h.send(templateTo(OPEN), { headers })
const count = async () => (await h.stored()).length

function expect5xx(r: ApiResponse<unknown>, status: number) {
  return expectApiError(r, {
    status,
    type: 'api_error',
    code: /^(internal_error|whatsapp_upstream_error)$/,
  })
}

describe('500', () => {
  it('answers the next `count` requests with 500 internal_error, then serves normally', async () => {
    await inject({ kind: '500', count: 2 })
    const before = await count()
    expectApiError(await send(), { status: 500, type: 'api_error', code: 'internal_error' })
    expectApiError(await send(), { status: 500, type: 'api_error', code: 'internal_error' })
    expectAccepted(await send())
    expect(await count()).toBe(before + 1)
  })

  it('applies to one request by the X-Emulator-Fault header', async () => {
    const before = await count()
    expectApiError(await send({ 'x-emulator-fault': '500' }), {
      status: 500,
      type: 'api_error',
      code: 'internal_error',
    })
    expectAccepted(await send())
    expect(await count()).toBe(before + 1)
  })

  it('defaults to a count of 1', async () => {
    await inject({ kind: '500' })
    expect((await send()).status).toBe(500)
    expectAccepted(await send())
  })

  it('limits a fault to a path', async () => {
    await inject({ kind: '500', path: '/v1/templates' })
    expectAccepted(await send())
    expect((await h.get('/v1/me')).status).toBe(200)
    expectApiError(await h.get('/v1/templates'), {
      status: 500,
      type: 'api_error',
      code: 'internal_error',
    })
    expect((await h.get('/v1/templates')).status).toBe(200)
  })

  it('hits every matching request with rate 1 until cleared', async () => {
    await inject({ kind: '500', rate: 1 })
    for (let i = 0; i < 5; i++) expect((await send()).status).toBe(500)
    await h.request('DELETE', '/_emulator/faults', { key: null })
    expectAccepted(await send())
  })

  it('hits about the given share with rate 0.5', async () => {
    await inject({ kind: '500', rate: 0.5 })
    let faulted = 0
    for (let i = 0; i < 40; i++) if ((await send()).status === 500) faulted++
    expect(faulted).toBeGreaterThanOrEqual(5)
    expect(faulted).toBeLessThanOrEqual(35)
  })

  it('lists and clears injected faults', async () => {
    await inject({ kind: '503', count: 3 })
    const listed = await h.get('/_emulator/faults', { key: null })
    expect(listed.status).toBe(200)
    expect(listed.text).toContain('503')
    const cleared = await h.request('DELETE', '/_emulator/faults', { key: null })
    expect(cleared.status).toBeLessThan(300)
    expect((await h.get('/_emulator/faults', { key: null })).text).not.toContain('503')
    expectAccepted(await send())
  })

  it('never faults the control API', async () => {
    await inject({ kind: '500', rate: 1 })
    const control = await h.get('/_emulator/messages', { key: null })
    expect(control.status).toBe(200)
  })
})

describe('503 and 429', () => {
  it('answers 503 with Retry-After (default 1 s)', async () => {
    await inject({ kind: '503' })
    const r = await send()
    expect5xx(r, 503)
    expect(r.headers.get('retry-after')).toBe('1')
  })

  it('answers 503 with the configured Retry-After', async () => {
    await inject({ kind: '503', retryAfter: 7 })
    const r = await send()
    expect5xx(r, 503)
    expect(r.headers.get('retry-after')).toBe('7')
  })

  it('answers 503 by the header', async () => {
    const r = await send({ 'x-emulator-fault': '503' })
    expect5xx(r, 503)
    expect(r.headers.get('retry-after')).toMatch(/^\d+$/)
  })

  it('answers 429 rate_limit_exceeded with Retry-After', async () => {
    await inject({ kind: '429', retryAfter: 3 })
    const before = await count()
    const r = await send()
    expectApiError(r, { status: 429, type: 'rate_limit_error', code: 'rate_limit_exceeded' })
    expect(r.headers.get('retry-after')).toBe('3')
    const byHeader = await send({ 'x-emulator-fault': '429' })
    expectApiError(byHeader, { status: 429, type: 'rate_limit_error', code: 'rate_limit_exceeded' })
    expect(Number(byHeader.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await count()).toBe(before)
  })
})

describe('latency', () => {
  it('delays by latencyMs, then processes normally', async () => {
    await inject({ kind: 'latency', latencyMs: 300 })
    const r = await send()
    expectAccepted(r)
    expect(r.elapsedMs).toBeGreaterThanOrEqual(280)
    const next = await send()
    expect(next.elapsedMs).toBeLessThan(250)
  })

  it('delays by X-Emulator-Latency with the header', async () => {
    const r = await send({ 'x-emulator-fault': 'latency', 'x-emulator-latency': '250' })
    expectAccepted(r)
    expect(r.elapsedMs).toBeGreaterThanOrEqual(230)
  })
})

describe('dropped connections', () => {
  it('drop_before: fetch rejects and nothing is stored', async () => {
    await inject({ kind: 'drop_before' })
    const before = await count()
    await expect(send()).rejects.toThrow(TypeError)
    expect(await count()).toBe(before)
    await expect(send({ 'x-emulator-fault': 'drop_before' })).rejects.toThrow(TypeError)
    expect(await count()).toBe(before)
  })

  it('drop_after: fetch rejects but the message is stored', async () => {
    await inject({ kind: 'drop_after' })
    const before = await count()
    await expect(send()).rejects.toThrow(TypeError)
    expect(await count()).toBe(before + 1)
    await expect(send({ 'x-emulator-fault': 'drop_after' })).rejects.toThrow(TypeError)
    expect(await count()).toBe(before + 2)
  })

  it('drops with count', async () => {
    await inject({ kind: 'drop_before', count: 2 })
    await expect(send()).rejects.toThrow(TypeError)
    await expect(send()).rejects.toThrow(TypeError)
    expectAccepted(await send())
  })
})

describe('in-process fetch', () => {
  it('rejects with ConnectionDroppedError, a TypeError, when a connection is dropped', async () => {
    const emulator = createEmulator({ timing: 'manual' })
    const post = (fault?: string) =>
      emulator.fetch(
        new Request('http://emulator.local/v1/messages', {
          method: 'POST',
          headers: {
            authorization: `Bearer ${API_KEY}`,
            'content-type': 'application/json',
            ...(fault ? { 'x-emulator-fault': fault } : {}),
          },
          body: JSON.stringify(templateTo(OPEN)),
        }),
      )
    try {
      for (const [fault, stored] of [
        ['drop_before', 0],
        ['drop_after', 1],
      ] as const) {
        const error = await post(fault).then(
          () => null,
          (e: unknown) => e,
        )
        expect(error).toBeInstanceOf(ConnectionDroppedError)
        expect(error).toBeInstanceOf(TypeError)
        expect(emulator.messages()).toHaveLength(stored)
      }
      const ok = await post()
      expect(ok.status).toBe(202)
      expect(emulator.messages()).toHaveLength(2)
    } finally {
      await emulator.close()
    }
  })
})
