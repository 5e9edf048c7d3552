import { describe, expect, it } from 'vitest'
import { backoffCeiling, backoffDelay, isRetryableStatus, parseRetryAfter } from './retry.ts'

describe('backoff', () => {
  it('doubles from 500 ms and stops at 8 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(backoffCeiling)).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ])
  })

  it('draws full jitter: anywhere from 0 to the ceiling', () => {
    const draws = Array.from({ length: 500 }, () => backoffDelay(3))
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...draws)).toBeLessThanOrEqual(2000)
    // Spread across the range, not clustered at the ceiling.
    expect(draws.some((ms) => ms < 1000)).toBe(true)
    expect(draws.some((ms) => ms > 1000)).toBe(true)
  })
})

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-05-24T08:00:00Z')

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('0', now)).toBe(0)
    expect(parseRetryAfter('2', now)).toBe(2000)
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000)
    expect(parseRetryAfter('1.5', now)).toBe(1500)
  })

  it('reads an HTTP date relative to now, and a past date as 0', () => {
    expect(parseRetryAfter('Sun, 24 May 2026 08:00:03 GMT', now)).toBe(3000)
    expect(parseRetryAfter('Sun, 24 May 2026 07:59:00 GMT', now)).toBe(0)
  })

  it('ignores an absent or unreadable header', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined()
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter('-1', now)).toBeUndefined()
  })
})

describe('isRetryableStatus', () => {
  it('retries 408, 429 and every 5xx, and no other status', () => {
    const retried = [
      400, 401, 403, 404, 405, 408, 409, 413, 415, 422, 429, 499, 500, 501, 502, 503, 504, 599, 600,
    ].filter(isRetryableStatus)
    expect(retried).toEqual([408, 429, 500, 501, 502, 503, 504, 599])
  })
})
