import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  countingFetch,
  emulatorApiKey,
  emulatorNumber,
  type RunningEmulator,
  startEmulator,
} from '../../../test/support/emulator.ts'
import { Kirim } from '../../client/Kirim.ts'
import { AuthenticationError } from '../../errors/AuthenticationError.ts'
import { ConnectionError } from '../../errors/ConnectionError.ts'
import { InvalidRequestError } from '../../errors/InvalidRequestError.ts'
import { ValidationError } from '../../errors/ValidationError.ts'
import type { SendMessageBody } from '../../schemas/index.ts'

let env: RunningEmulator
beforeAll(async () => {
  env = await startEmulator()
})
afterAll(() => env.close())
beforeEach(async () => {
  await env.clearFaults()
  await env.reset()
})

const text = (i: number, to = '+628111111111'): SendMessageBody => ({
  to,
  type: 'text',
  text: { body: `Pesan ${i}` },
})
const texts = (n: number) => Array.from({ length: n }, (_, i) => text(i))

/** A client whose fetch counts requests and the most that were in flight at once. */
const client = (options: { apiKey?: string; from?: string } = {}) => {
  const counter = countingFetch()
  let open = 0
  const peak = { inFlight: 0 }
  const fetch: typeof globalThis.fetch = async (input, init) => {
    peak.inFlight = Math.max(peak.inFlight, ++open)
    try {
      return await counter.fetch(input, init)
    } finally {
      open--
    }
  }
  const kirim = new Kirim({ apiKey: emulatorApiKey, baseUrl: env.url, fetch, ...options })
  return { kirim, counter, peak }
}

/** A clock that waits no real time and records what it was asked to wait. */
const instantClock = () => {
  let now = Date.now()
  const sleeps: number[] = []
  return {
    sleeps,
    now: () => now,
    sleep: async (ms: number, signal?: AbortSignal) => {
      signal?.throwIfAborted()
      sleeps.push(ms)
      now += ms
    },
  }
}

describe('messages.sendMany', () => {
  it('sends each body once under the key <batch>:<index>, results in index order', async () => {
    const { kirim, counter } = client()
    const result = await kirim.messages.sendMany(texts(5), { batch: 'orders-2026-05-04' })
    expect(result).toMatchObject({ done: 5, sent: 5, replayed: 0, failed: 0, total: 5 })
    expect(result.stoppedAt).toBeUndefined()
    expect(result.results.map((item) => item.index)).toEqual([0, 1, 2, 3, 4])
    const keys = [0, 1, 2, 3, 4].map((i) => `orders-2026-05-04:${i}`)
    expect(counter.sent.map((request) => request.idempotencyKey).sort()).toEqual(keys.sort())
    const stored = await env.stored()
    const keyOf = new Map(stored.map((message) => [message.id, message.idempotency_key]))
    for (const item of result.results) {
      expect(item.message).toMatchObject({ status: 'pending', from: emulatorNumber })
      expect(keyOf.get(item.message?.id as string)).toBe(`orders-2026-05-04:${item.index}`)
      expect(item.replayed).toBe(false)
    }
  })

  it('keeps at most `concurrency` sends in flight, and fills them', async () => {
    // Each answer takes 50 ms, so the reader is always ahead of the sends.
    await env.fault({ kind: 'latency', latencyMs: 50, rate: 1 })
    for (const concurrency of [1, 3]) {
      const { kirim, peak } = client()
      const result = await kirim.messages.sendMany(texts(9), {
        batch: `c${concurrency}`,
        concurrency,
      })
      expect(result.sent).toBe(9)
      expect(peak.inFlight).toBe(concurrency)
    }
  })

  it('reads an async iterable only as fast as it sends, and has no total for it', async () => {
    const { kirim } = client()
    let read = 0
    let settled = 0
    let ahead = 0
    async function* rows() {
      for (let i = 0; i < 12; i++) {
        ahead = Math.max(ahead, ++read - settled)
        yield text(i)
      }
    }
    const result = await kirim.messages.sendMany(rows(), {
      batch: 'stream',
      concurrency: 2,
      onProgress: () => {
        settled++
      },
    })
    expect(result).toMatchObject({ done: 12, sent: 12 })
    expect(result.total).toBeUndefined()
    // Two in flight and the one waiting for a place: never more read ahead.
    expect(ahead).toBeLessThanOrEqual(3)
  })

  it('reports progress after each item settles, an invalid one as soon as it is read', async () => {
    const { kirim } = client()
    const seen: Array<[number, number, number, number | undefined]> = []
    const bodies = [text(0), { to: 'nobody' } as unknown as SendMessageBody, text(2)]
    await kirim.messages.sendMany(bodies, {
      batch: 'progress',
      concurrency: 1,
      onProgress: (progress, item) => {
        seen.push([progress.done, progress.sent, progress.failed, progress.total])
        expect(item.error === undefined).toBe(item.index !== 1)
      },
    })
    // Item 1 fails as it is read, while item 0 is still in flight.
    expect(seen).toEqual([
      [1, 0, 1, 3],
      [2, 1, 1, 3],
      [3, 2, 1, 3],
    ])
  })

  it('counts a send-time delivery failure as sent: Kirim accepted it, as `send` returns it', async () => {
    const { kirim } = client()
    const result = await kirim.messages.sendMany([text(0, '+628122222222')], { batch: 'closed' })
    expect(result).toMatchObject({ sent: 1, failed: 0 })
    expect(result.results[0]?.message).toMatchObject({
      status: 'failed',
      error: { code: 'outside_24h_window' },
    })
  })

  it('replays what an earlier run sent, and refuses a different body at the same index', async () => {
    const { kirim } = client()
    await kirim.messages.sendMany(texts(3), { batch: 'edited' })
    const { kirim: again, counter } = client()
    const edited = [text(0), text(99), text(2)]
    const result = await again.messages.sendMany(edited, { batch: 'edited' })
    expect(result).toMatchObject({ done: 3, replayed: 2, sent: 0, failed: 1 })
    const { error } = result.results[1] ?? {}
    expect(error).toBeInstanceOf(InvalidRequestError)
    expect(error).toMatchObject({ status: 422, code: 'idempotency_key_reuse' })
    expect(counter.sent).toHaveLength(3) // one answer each, the 422 not retried
    const bodies = (await env.stored()).map((message) => (message.text as { body: string }).body)
    expect(bodies.sort()).toEqual(['Pesan 0', 'Pesan 1', 'Pesan 2'])
  })

  it('counts the replay of its own lost answer as sent, not replayed', async () => {
    // The first attempt is stored, then the connection drops before the answer.
    await env.fault({ kind: 'drop_after', count: 1 })
    const { kirim, counter } = client()
    const result = await kirim.messages.sendMany([text(0)], { batch: 'lost-answer' })
    expect(counter.sent).toHaveLength(2)
    expect(result).toMatchObject({ sent: 1, replayed: 0 })
    expect(await env.stored()).toHaveLength(1)
  })

  it('waits out a 429 on its clock without using up a retry', async () => {
    await env.fault({ kind: '429', count: 3, retryAfter: 2 })
    const { kirim, counter } = client()
    const clock = instantClock()
    const result = await kirim.messages.sendMany(texts(2), {
      batch: 'refused',
      concurrency: 1,
      maxRetries: 0,
      clock,
    })
    expect(result).toMatchObject({ sent: 2, failed: 0 })
    expect(counter.sent.map((request) => request.status)).toEqual([429, 429, 429, 202, 202])
    expect(clock.sleeps).toEqual([2000, 2000, 2000])
  })

  it('stops at the first refused credential: every later item would meet it', async () => {
    const { kirim, counter } = client({ apiKey: 'kdv_live_wrongwrongwrongwrongwrong' })
    const result = await kirim.messages.sendMany(texts(50), { batch: 'bad-key', concurrency: 2 })
    expect(result.stoppedAt).toBeLessThanOrEqual(3)
    expect(result.results).toHaveLength(result.stoppedAt as number)
    expect(result.failed).toBe(result.stoppedAt)
    for (const item of result.results) expect(item.error).toBeInstanceOf(AuthenticationError)
    expect(counter.sent.length).toBe(result.stoppedAt)
  })

  it('with its signal already aborted, reads nothing and sends nothing', async () => {
    const { kirim, counter } = client()
    let read = 0
    function* rows() {
      for (;;) {
        read++
        yield text(read)
      }
    }
    const result = await kirim.messages.sendMany(rows(), {
      batch: 'never',
      signal: AbortSignal.abort(),
    })
    expect(result).toMatchObject({ done: 0, stoppedAt: 0, results: [] })
    expect(read).toBe(0)
    expect(counter.sent).toHaveLength(0)
  })

  it('ends an item waiting to retry for the rate limit when the signal fires', async () => {
    await env.fault({ kind: '429', count: 1, retryAfter: 60 })
    const { kirim } = client()
    const controller = new AbortController()
    const clock = {
      now: () => Date.now(),
      sleep: (_ms: number, signal?: AbortSignal) =>
        new Promise<void>((_, reject) => {
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true })
          controller.abort()
        }),
    }
    const result = await kirim.messages.sendMany(texts(3), {
      batch: 'stopped-waiting',
      concurrency: 1,
      signal: controller.signal,
      clock,
    })
    expect(result).toMatchObject({ done: 1, failed: 1, stoppedAt: 1 })
    expect(result.results[0]?.error).toBeInstanceOf(ConnectionError)
    expect(result.results[0]?.error).toMatchObject({ code: 'aborted' })
    expect(await env.stored()).toHaveLength(0)
  })

  it('rejects with an error of its source once the items in flight settle', async () => {
    const { kirim } = client()
    const broken = new Error('the CSV file is cut off')
    async function* rows() {
      yield text(0)
      yield text(1)
      throw broken
    }
    await expect(kirim.messages.sendMany(rows(), { batch: 'broken-source' })).rejects.toBe(broken)
    expect(await env.stored()).toHaveLength(2)
  })

  it('rejects with the error onProgress throws, and starts nothing after it', async () => {
    const { kirim } = client()
    const oops = new Error('oops')
    const sending = kirim.messages.sendMany(texts(20), {
      batch: 'throwing-callback',
      concurrency: 2,
      onProgress: () => {
        throw oops
      },
    })
    await expect(sending).rejects.toBe(oops)
    expect((await env.stored()).length).toBeLessThanOrEqual(3)
  })

  it('fills in the client’s from, as send does', async () => {
    const multi = await startEmulator({ numbers: ['+628511760001111', '+628511760002222'] })
    try {
      const kirim = new Kirim({
        apiKey: emulatorApiKey,
        baseUrl: multi.url,
        from: '+628511760002222',
      })
      const result = await kirim.messages.sendMany(texts(2), { batch: 'from' })
      expect(result.results.map((item) => item.message?.from)).toEqual([
        '+628511760002222',
        '+628511760002222',
      ])
    } finally {
      await multi.close()
    }
  })

  it('throws one ValidationError for bad arguments, listing each, before anything is sent', async () => {
    const { kirim, counter } = client()
    const call = kirim.messages.sendMany(
      'rows.csv' as never,
      {
        batch: ' padded',
        concurrency: 100,
      } as never,
    )
    await expect(call).rejects.toThrow(ValidationError)
    const error = (await call.catch((e: unknown) => e)) as ValidationError
    expect(error.message).toMatch(/^Invalid sendMany call; nothing was sent:/)
    expect(error.issues.map((issue) => issue.path)).toEqual([
      'bodies',
      'options.batch',
      'options.concurrency',
    ])
    expect(counter.sent).toHaveLength(0)
  })
})
