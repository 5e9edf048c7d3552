// The acceptance of `kirim.messages.sendMany` (issue 16), over real HTTP against the emulator,
// whose store is the witness: exactly once under faults, a stopped broadcast resumed, pacing on
// the free tier under the manual clock, invalid rows reported and never sent.
import { afterEach, describe, expect, it } from 'vitest'
import { Kirim, type SendManyResult, ValidationError } from '../src/index.ts'
import { countingFetch, emulatorApiKey, startEmulator } from './support/emulator.ts'
import { startEmulatorOnItsClock } from './support/emulatorOnItsClock.ts'

type Stored = Awaited<ReturnType<Awaited<ReturnType<typeof startEmulator>>['stored']>>[number]

const text = (i: number) =>
  ({ to: '+628111111111', type: 'text', text: { body: `Pesan ${i}` } }) as const
const texts = (n: number) => Array.from({ length: n }, (_, i) => text(i))

/** Every item of `batch` is stored exactly once, under its key and with its own body. */
const expectEachStoredOnce = (stored: readonly Stored[], batch: string, n: number) => {
  const keys = stored.map((message) => message.idempotency_key)
  expect(new Set(keys).size).toBe(keys.length)
  expect(new Set(keys)).toEqual(new Set(Array.from({ length: n }, (_, i) => `${batch}:${i}`)))
  for (const message of stored) {
    const index = Number(message.idempotency_key?.slice(batch.length + 1))
    expect((message.text as { body: string }).body).toBe(`Pesan ${index}`)
  }
}

/** The result's messages are the stored ones, item by item. */
const expectResultsMatch = (result: SendManyResult, stored: readonly Stored[], batch: string) => {
  const idOfKey = new Map(stored.map((message) => [message.idempotency_key, message.id]))
  for (const item of result.results) {
    expect(item.message?.id).toBe(idOfKey.get(`${batch}:${item.index}`))
  }
}

let close: (() => Promise<void>) | undefined
afterEach(async () => {
  await close?.()
  close = undefined
})

describe('sendMany, the acceptance', () => {
  it('sends 2,000 items through 30 % injected faults, each exactly once', async () => {
    const env = await startEmulator({ rateLimits: false })
    close = env.close
    // Five kinds, 6 % of all requests each: the rules are tried in order, so each rate is its
    // share of what the rules before it let through.
    const kinds = ['500', '503', '429', 'drop_before', 'drop_after'] as const
    for (const [i, kind] of kinds.entries()) {
      await env.fault({ kind, rate: 0.06 / (1 - 0.06 * i), retryAfter: 0 })
    }
    const counter = countingFetch()
    const kirim = new Kirim({ apiKey: emulatorApiKey, baseUrl: env.url, fetch: counter.fetch })
    const n = 2000
    const batch = 'faults-2026-05-04'
    const options = { batch, concurrency: 16, maxRetries: 10 }
    let result = await kirim.messages.sendMany(texts(n), options)

    const faulted = counter.sent.filter((request) => request.status !== 202).length
    expect(faulted / counter.sent.length).toBeGreaterThan(0.2) // the faults did fire
    // Failing 11 attempts in a row has odds of about 0.24^11 per item; should it happen, a
    // rerun with the same batch is the documented remedy, and must send nothing twice.
    for (let run = 0; result.failed > 0 && run < 3; run++) {
      for (const item of result.results) {
        if (item.error) expect(item.error.name).toMatch(/^(ApiServerError|ConnectionError)$/)
      }
      result = await kirim.messages.sendMany(texts(n), options)
    }
    await env.clearFaults()

    const stored = await env.stored()
    expect(stored).toHaveLength(n)
    expectEachStoredOnce(stored, batch, n)
    expect(result).toMatchObject({ done: n, failed: 0, total: n })
    expect(result.sent + result.replayed).toBe(n)
    expectResultsMatch(result, stored, batch)
  }, 120_000)

  it('stopped half-way by its signal, then run again: each item stored once, the first half replayed', async () => {
    const env = await startEmulator()
    close = env.close
    const kirim = new Kirim({ apiKey: emulatorApiKey, baseUrl: env.url })
    const n = 200
    const batch = 'stop-and-resume'
    const controller = new AbortController()
    const first = await kirim.messages.sendMany(texts(n), {
      batch,
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done === n / 2) controller.abort()
      },
    })
    // What was in flight settled; nothing after `stoppedAt` started.
    const stoppedAt = first.stoppedAt as number
    expect(stoppedAt).toBeGreaterThanOrEqual(n / 2)
    expect(stoppedAt).toBeLessThan(n)
    expect(first).toMatchObject({ done: stoppedAt, sent: stoppedAt, replayed: 0, failed: 0 })
    expect(first.results.map((item) => item.index)).toEqual([...Array(stoppedAt).keys()])
    expect(await env.stored()).toHaveLength(stoppedAt)

    const second = await kirim.messages.sendMany(texts(n), { batch })
    expect(second).toMatchObject({ done: n, replayed: stoppedAt, sent: n - stoppedAt, failed: 0 })
    expect(second.stoppedAt).toBeUndefined()
    for (const item of second.results) expect(item.replayed).toBe(item.index < stoppedAt)
    const stored = await env.stored()
    expect(stored).toHaveLength(n)
    expectEachStoredOnce(stored, batch, n)
    expectResultsMatch(second, stored, batch)
    // A replayed item comes back as the message the first run stored.
    expect(second.results[0]?.message?.id).toBe(first.results[0]?.message?.id)
  })

  describe('on the free tier (60 writes a minute) under the manual clock', () => {
    const writesPerMinute = 60
    const rateLimits = { writesPerMinute, readsPerMinute: 600 }

    /** Runs `n` sends with the client's clock `skew` ms off Kirim's; the simulated minutes taken. */
    const broadcast = async (n: number, skew = 0) => {
      const env = await startEmulatorOnItsClock({ rateLimits })
      close = env.close
      const counter = countingFetch()
      const kirim = new Kirim({ apiKey: emulatorApiKey, baseUrl: env.url, fetch: counter.fetch })
      const started = env.emulator.clock.now()
      const result = await kirim.messages.sendMany(texts(n), {
        batch: `free-tier-${skew}`,
        clock: env.clock(skew),
      })
      const minutes = (env.emulator.clock.now() - started) / 60_000
      expect(result).toMatchObject({ done: n, sent: n, failed: 0 })
      // No 429 reached the caller, nor even the wire.
      expect(counter.sent.map((request) => request.status)).toEqual(Array(n).fill(202))
      expect(env.emulator.messages()).toHaveLength(n)
      return minutes
    }

    it('meets no 429 and takes within 10 % of the floor, n / 60 minutes', async () => {
      const n = 1200
      const floor = n / writesPerMinute
      const minutes = await broadcast(n)
      expect(Math.abs(minutes - floor)).toBeLessThanOrEqual(0.1 * floor)
      // Never faster than the bucket allows: a full bucket, then one write a second.
      expect(minutes).toBeGreaterThanOrEqual((n - writesPerMinute) / writesPerMinute)
    }, 120_000)

    it('paces by Kirim’s clock (its Date header), with the local clock an hour off either way', async () => {
      const n = 300
      for (const skew of [-3_600_000, 3_600_000]) {
        const minutes = await broadcast(n, skew)
        expect(minutes).toBeGreaterThanOrEqual((n - writesPerMinute) / writesPerMinute)
        expect(minutes).toBeLessThanOrEqual(1.1 * (n / writesPerMinute))
        await close?.()
        close = undefined
      }
    }, 120_000)
  })

  it('reports invalid rows by index with the field and the rule, and sends nothing of theirs', async () => {
    const env = await startEmulator()
    close = env.close
    const counter = countingFetch()
    const kirim = new Kirim({ apiKey: emulatorApiKey, baseUrl: env.url, fetch: counter.fetch })
    const bodies: unknown[] = texts(10)
    bodies[2] = { to: '0811', type: 'text', text: { body: 'Pesan 2' } }
    bodies[5] = { to: '+628111111111', type: 'text', text: { body: 'x'.repeat(4097) } }
    bodies[7] = null
    bodies[8] = { to: '+628111111111', type: 'image', image: { url: 'http://cdn.example/a.jpg' } }
    const result = await kirim.messages.sendMany(bodies as ReturnType<typeof text>[], {
      batch: 'with-invalid-rows',
    })
    expect(result).toMatchObject({ done: 10, sent: 6, failed: 4, replayed: 0 })
    const issuesAt = (index: number) => {
      const { error } = result.results[index] ?? {}
      expect(error).toBeInstanceOf(ValidationError)
      expect(error?.message).toMatch(new RegExp(`^Invalid message ${index}; nothing was sent:`))
      return (error as ValidationError).issues
    }
    expect(issuesAt(2)).toEqual([
      { path: 'to', message: 'must be an E.164 phone number with a leading + (got "0811")' },
    ])
    expect(issuesAt(5)).toEqual([
      { path: 'text.body', message: 'must be at most 4096 characters (got 4097)' },
    ])
    expect(issuesAt(7)).toEqual([
      { path: '', message: expect.stringMatching(/^must be an object/) },
    ])
    expect(issuesAt(8)).toEqual([
      { path: 'image.url', message: expect.stringMatching(/https URL/) },
    ])
    // Nothing of theirs went out: one request per valid row, none under an invalid row's key.
    expect(counter.sent).toHaveLength(6)
    const keys = counter.sent.map((request) => request.idempotencyKey)
    for (const index of [2, 5, 7, 8]) expect(keys).not.toContain(`with-invalid-rows:${index}`)
    expect((await env.stored()).map((message) => message.idempotency_key).sort()).toEqual(
      [0, 1, 3, 4, 6, 9].map((i) => `with-invalid-rows:${i}`).sort(),
    )
  })
})
