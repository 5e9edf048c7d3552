import { describe, expect, it } from 'vitest'
import { realPort } from '../../../test/support/sendManyPort.ts'
import { RateLimitPacer } from './RateLimitPacer.ts'

// A simulated clock: sleeping moves it at once, and every sleep is recorded.
const simulated = () => {
  let now = 0
  const sleeps: number[] = []
  return {
    sleeps,
    clock: {
      now: () => now,
      sleep: async (ms: number, signal?: AbortSignal) => {
        signal?.throwIfAborted()
        sleeps.push(ms)
        now += ms
      },
    },
  }
}

// Answers as the emulator gives them: no Date header, so the clock above is Kirim's.
const answer = (remaining: number, resetAt: number, status = 202) =>
  new Response('{}', {
    status,
    headers: {
      'x-ratelimit-limit': '60',
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset': String(resetAt / 1000),
    },
  })

/** Whether `promise` is still pending once every queued microtask ran. */
const pending = async (promise: Promise<unknown>) => {
  let settled = false
  promise.then(
    () => {
      settled = true
    },
    () => {
      settled = true
    },
  )
  for (let i = 0; i < 20; i++) await Promise.resolve()
  return !settled
}

describe('RateLimitPacer', () => {
  it('lets attempts through while it knows nothing yet', async () => {
    const pacer = new RateLimitPacer(simulated().clock, realPort())
    for (let i = 0; i < 8; i++) await pacer.acquire()
  })

  it('spends what is left, waits for the answers in flight, then sleeps until the reset', async () => {
    const { clock, sleeps } = simulated()
    const pacer = new RateLimitPacer(clock, realPort())
    await pacer.acquire()
    pacer.settle(answer(2, 60_000))
    await pacer.acquire()
    await pacer.acquire()
    const third = pacer.acquire()
    expect(await pending(third)).toBe(true) // 2 left, 2 in flight
    pacer.settle(answer(1, 60_000))
    expect(await pending(third)).toBe(true) // 1 left, 1 in flight
    pacer.settle(answer(0, 60_000))
    await third
    expect(sleeps).toEqual([60_000])
    // After the reset the bucket is full: a guess the next answer replaces.
    for (let i = 0; i < 5; i++) await pacer.acquire()
  })

  it('keeps the lowest count when answers come out of order', async () => {
    const { clock } = simulated()
    const pacer = new RateLimitPacer(clock, realPort())
    await pacer.acquire()
    await pacer.acquire()
    pacer.settle(answer(1, 60_000)) // counted second, answered first
    pacer.settle(answer(2, 60_000)) // counted first: stale
    await pacer.acquire()
    expect(await pending(pacer.acquire())).toBe(true)
  })

  it('counts every attempt in flight against what is left', async () => {
    const pacer = new RateLimitPacer(simulated().clock, realPort())
    await pacer.acquire()
    pacer.settle(answer(3, 60_000))
    await pacer.acquire()
    await pacer.acquire()
    await pacer.acquire()
    const fourth = pacer.acquire()
    expect(await pending(fourth)).toBe(true)
    // An attempt that got no answer frees its place, but may have spent a write: 2 left, 2 out.
    pacer.settle(undefined)
    expect(await pending(fourth)).toBe(true)
    pacer.settle(answer(2, 60_000)) // 2 left, 1 out
    await fourth
  })

  it('holds every attempt for a 429’s Retry-After, then lets one through to learn the count', async () => {
    const { clock, sleeps } = simulated()
    const pacer = new RateLimitPacer(clock, realPort())
    await pacer.acquire()
    pacer.settle(
      new Response('{}', {
        status: 429,
        headers: { 'retry-after': '2', ...answer(0, 60_000).headers },
      }),
    )
    await pacer.acquire()
    expect(sleeps).toEqual([2_000])
    const second = pacer.acquire()
    expect(await pending(second)).toBe(true)
    pacer.settle(answer(30, 62_000))
    await second
    expect(sleeps).toEqual([2_000])
  })

  it('never spins on a bucket that reports a limit of 0', async () => {
    const pacer = new RateLimitPacer(simulated().clock, realPort())
    await pacer.acquire()
    pacer.settle(
      new Response('{}', {
        headers: {
          'x-ratelimit-limit': '0',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': '0',
        },
      }),
    )
    await pacer.acquire()
  })

  it('stops waiting when the signal aborts, for an answer or for the reset', async () => {
    const pacer = new RateLimitPacer(simulated().clock, realPort())
    await pacer.acquire()
    pacer.settle(answer(1, 60_000))
    await pacer.acquire()
    const controller = new AbortController()
    const waiting = pacer.acquire(controller.signal)
    expect(await pending(waiting)).toBe(true)
    const reason = new Error('stop')
    controller.abort(reason)
    await expect(waiting).rejects.toBe(reason)
    pacer.settle(answer(0, 60_000))
    await expect(pacer.acquire(controller.signal)).rejects.toBe(reason)
  })

  it('lets an acquired attempt that never went out give its place back', async () => {
    const pacer = new RateLimitPacer(simulated().clock, realPort())
    await pacer.acquire()
    pacer.settle(answer(1, 60_000))
    await pacer.acquire()
    const next = pacer.acquire()
    expect(await pending(next)).toBe(true)
    pacer.release()
    await next
  })
})
