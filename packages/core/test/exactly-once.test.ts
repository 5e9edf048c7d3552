// Under every fault the emulator can inject, N concurrent sends store exactly N messages, and
// each call returns the id of the one message its idempotency key stored.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { Kirim } from '../src/index.ts'
import {
  countingFetch,
  emulatorApiKey,
  type RunningEmulator,
  startEmulator,
} from './support/emulator.ts'

const N = 20

let env: RunningEmulator
beforeAll(async () => {
  env = await startEmulator()
})
afterAll(() => env.close())
beforeEach(() => env.reset())

const sendConcurrently = async (options: { timeout?: number; maxRetries?: number } = {}) => {
  const counter = countingFetch()
  const kirim = new Kirim({
    apiKey: emulatorApiKey,
    baseUrl: env.url,
    fetch: counter.fetch,
    maxRetries: 6,
    ...options,
  })
  const results = await Promise.all(
    Array.from({ length: N }, (_, i) =>
      kirim.messages.send({ to: '+628111111111', type: 'text', text: { body: `Pesan ${i}` } }),
    ),
  )
  return { results, counter }
}

const expectExactlyOnce = async (
  results: Awaited<ReturnType<typeof sendConcurrently>>['results'],
  counter: ReturnType<typeof countingFetch>,
) => {
  const stored = await env.stored()
  expect(stored).toHaveLength(N)
  // Each call got the id of a distinct stored message…
  expect(new Set(results.map((m) => m.id))).toEqual(new Set(stored.map((m) => m.id)))
  // …the one stored under the key that call sent on every attempt.
  const keyOf = new Map(stored.map((m) => [m.id, m.idempotency_key]))
  const bodies = new Map(stored.map((m) => [m.id, (m.text as { body: string }).body]))
  for (const [i, message] of results.entries()) expect(bodies.get(message.id)).toBe(`Pesan ${i}`)
  const posts = counter.sent.filter((r) => r.method === 'POST')
  const attemptsPerKey = new Map<string | null, number>()
  for (const post of posts)
    attemptsPerKey.set(post.idempotencyKey, (attemptsPerKey.get(post.idempotencyKey) ?? 0) + 1)
  expect(attemptsPerKey.size).toBe(N)
  expect(new Set(keyOf.values())).toEqual(new Set(attemptsPerKey.keys()))
  return posts.length
}

describe('exactly once under faults', () => {
  it('500 on the first attempts', async () => {
    await env.fault({ kind: '500', count: N })
    const { results, counter } = await sendConcurrently()
    expect(await expectExactlyOnce(results, counter)).toBe(2 * N)
  })

  it('503 with Retry-After', async () => {
    await env.fault({ kind: '503', count: N, retryAfter: 1 })
    const { results, counter } = await sendConcurrently()
    expect(await expectExactlyOnce(results, counter)).toBe(2 * N)
  })

  it('429 with Retry-After', async () => {
    await env.fault({ kind: '429', count: N, retryAfter: 1 })
    const { results, counter } = await sendConcurrently()
    expect(await expectExactlyOnce(results, counter)).toBe(2 * N)
  })

  it('latency beyond the client timeout: the server stores while the client gives up and retries', async () => {
    await env.fault({ kind: 'latency', count: N, latencyMs: 600 })
    const { results, counter } = await sendConcurrently({ timeout: 300 })
    expect(await expectExactlyOnce(results, counter)).toBeGreaterThan(N)
  })

  it('connection dropped before processing', async () => {
    await env.fault({ kind: 'drop_before', count: N })
    const { results, counter } = await sendConcurrently()
    expect(await expectExactlyOnce(results, counter)).toBe(2 * N)
  })

  it('connection dropped after the message was stored', async () => {
    await env.fault({ kind: 'drop_after', count: N })
    const { results, counter } = await sendConcurrently()
    expect(await expectExactlyOnce(results, counter)).toBe(2 * N)
  })

  it('a mix of every fault on a share of the requests', async () => {
    for (const kind of ['500', 'drop_before', 'drop_after', '503'] as const) {
      await env.fault({ kind, rate: 0.1, retryAfter: 0 })
    }
    const { results, counter } = await sendConcurrently({ maxRetries: 10 })
    expect(await expectExactlyOnce(results, counter)).toBeGreaterThanOrEqual(N)
    await env.clearFaults()
  }, 60_000)
})
