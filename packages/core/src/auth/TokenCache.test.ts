import { afterEach, describe, expect, it, vi } from 'vitest'
import type { IssuedToken } from '../types/options.ts'
import { TokenCache } from './TokenCache.ts'

afterEach(() => {
  vi.restoreAllMocks()
  vi.useRealTimers()
})

/** An issuer that hands out tok_1, tok_2 … and counts its calls; `gate` holds each call until released. */
const issuer = (expiresIn: number) => {
  let calls = 0
  let release: () => void = () => {}
  let gate: Promise<void> = Promise.resolve()
  const issue = async (): Promise<IssuedToken> => {
    calls++
    const n = calls
    await gate
    return { token: `tok_${n}`, expiresIn }
  }
  return {
    issue,
    calls: () => calls,
    hold: () => {
      gate = new Promise((resolve) => {
        release = resolve
      })
    },
    release: () => release(),
  }
}

// The monotonic clock, driven by the test.
const monotonic = () => {
  let now = 1000
  vi.spyOn(performance, 'now').mockImplementation(() => now)
  return { advance: (ms: number) => (now += ms) }
}

describe('TokenCache', () => {
  it('fetches once on first use and serves the cached token after', async () => {
    const source = issuer(300)
    const cache = new TokenCache(source.issue)
    expect(source.calls()).toBe(0)
    expect(await cache.bearer()).toBe('tok_1')
    expect(await cache.bearer()).toBe('tok_1')
    expect(source.calls()).toBe(1)
  })

  it('shares one fetch among every caller waiting for a token', async () => {
    const source = issuer(300)
    source.hold()
    const cache = new TokenCache(source.issue)
    const waiting = Array.from({ length: 25 }, () => cache.bearer())
    source.release()
    expect(new Set(await Promise.all(waiting))).toEqual(new Set(['tok_1']))
    expect(source.calls()).toBe(1)
  })

  it('refreshes a fifth of the lifetime before expiry (at most 30 s before), on the monotonic clock', async () => {
    const clock = monotonic()
    const short = issuer(10)
    const cache = new TokenCache(short.issue)
    expect(await cache.bearer()).toBe('tok_1')
    clock.advance(7999)
    expect(await cache.bearer()).toBe('tok_1')
    clock.advance(1)
    expect(await cache.bearer()).toBe('tok_2')

    const long = issuer(3600)
    const hourly = new TokenCache(long.issue)
    await hourly.bearer()
    clock.advance(3_569_999)
    expect(await hourly.bearer()).toBe('tok_1')
    clock.advance(1)
    expect(await hourly.bearer()).toBe('tok_2')
  })

  it('ignores the wall clock: a device hours off still refreshes on time', async () => {
    const clock = monotonic()
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2001-01-01T00:00:00Z'))
    const source = issuer(60)
    const cache = new TokenCache(source.issue)
    await cache.bearer()
    vi.setSystemTime(new Date('2040-01-01T00:00:00Z'))
    expect(await cache.bearer()).toBe('tok_1')
    clock.advance(48_000)
    expect(await cache.bearer()).toBe('tok_2')
  })

  it('forgets a rejected token, but not a newer one another caller already fetched', async () => {
    const source = issuer(300)
    const cache = new TokenCache(source.issue)
    await cache.bearer()
    cache.reject('tok_1')
    expect(await cache.bearer()).toBe('tok_2')
    cache.reject('tok_1')
    expect(await cache.bearer()).toBe('tok_2')
    expect(source.calls()).toBe(2)
  })

  it('passes a failed fetch to every waiter and tries again on the next call', async () => {
    let calls = 0
    const cache = new TokenCache(async () => {
      calls++
      if (calls === 1) throw new Error('token endpoint down')
      return { token: 'tok_ok', expiresIn: 60 }
    })
    const results = await Promise.allSettled([cache.bearer(), cache.bearer()])
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected'])
    expect(await cache.bearer()).toBe('tok_ok')
    expect(calls).toBe(2)
  })

  it('lets one caller stop waiting without cancelling the shared fetch', async () => {
    const source = issuer(300)
    source.hold()
    const cache = new TokenCache(source.issue)
    const controller = new AbortController()
    const impatient = cache.bearer(controller.signal)
    const patient = cache.bearer()
    controller.abort(new Error('gave up'))
    await expect(impatient).rejects.toThrow('gave up')
    source.release()
    expect(await patient).toBe('tok_1')
    expect(source.calls()).toBe(1)
  })
})
