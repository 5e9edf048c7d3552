import { describe, expect, it } from 'vitest'
import { readRateLimit } from './rateLimit.ts'

describe('readRateLimit', () => {
  it('reads the three X-RateLimit headers, reset as a Date', () => {
    const headers = new Headers({
      'X-RateLimit-Limit': '600',
      'X-RateLimit-Remaining': '599',
      'X-RateLimit-Reset': '1779609600',
    })
    expect(readRateLimit(headers)).toEqual({
      limit: 600,
      remaining: 599,
      reset: new Date(1_779_609_600_000),
    })
  })

  it('is undefined unless all three are present and whole numbers', () => {
    expect(readRateLimit(new Headers())).toBeUndefined()
    expect(
      readRateLimit(new Headers({ 'X-RateLimit-Limit': '600', 'X-RateLimit-Remaining': '599' })),
    ).toBeUndefined()
    expect(
      readRateLimit(
        new Headers({
          'X-RateLimit-Limit': '600',
          'X-RateLimit-Remaining': 'many',
          'X-RateLimit-Reset': '1',
        }),
      ),
    ).toBeUndefined()
  })
})
