import { describe, expect, it } from 'vitest'
import { RateLimiter } from './rate-limiter.ts'
import { TokenBucket } from './token-bucket.ts'

describe('TokenBucket', () => {
  it('allows limit requests, then refuses with Retry-After', () => {
    const bucket = new TokenBucket(3, 0)
    expect(bucket.take(0)).toMatchObject({ allowed: true, remaining: 2, limit: 3 })
    expect(bucket.take(0)).toMatchObject({ allowed: true, remaining: 1 })
    expect(bucket.take(0)).toMatchObject({ allowed: true, remaining: 0 })
    const refused = bucket.take(0)
    expect(refused).toMatchObject({ allowed: false, remaining: 0, retryAfter: 20 })
  })

  it('refills continuously at limit per minute', () => {
    const bucket = new TokenBucket(60, 0)
    for (let i = 0; i < 60; i++) bucket.take(0)
    expect(bucket.take(0).allowed).toBe(false)
    expect(bucket.take(999).allowed).toBe(false)
    expect(bucket.take(1000).allowed).toBe(true)
    expect(bucket.take(1000).allowed).toBe(false)
    expect(bucket.take(61_000, false).remaining).toBe(60)
  })

  it('reports reset as the epoch second the bucket is full again', () => {
    const bucket = new TokenBucket(60, 10_000)
    expect(bucket.take(10_000, false).reset).toBe(10)
    bucket.take(10_000)
    expect(bucket.take(10_000, false).reset).toBe(11)
  })

  it('only looks when take is false', () => {
    const bucket = new TokenBucket(2, 0)
    bucket.take(0, false)
    bucket.take(0, false)
    expect(bucket.take(0).remaining).toBe(1)
  })
})

describe('RateLimiter', () => {
  const limits = { writesPerMinute: 2, readsPerMinute: 3 }

  it('keeps write and read buckets apart, per organisation', () => {
    const limiter = new RateLimiter()
    limiter.take('a', 'write', limits, 0)
    limiter.take('a', 'write', limits, 0)
    expect(limiter.take('a', 'write', limits, 0).allowed).toBe(false)
    expect(limiter.take('a', 'read', limits, 0).allowed).toBe(true)
    expect(limiter.take('b', 'write', limits, 0).allowed).toBe(true)
  })

  it('never refuses with limits off, reporting the nominal Pro numbers', () => {
    const limiter = new RateLimiter()
    for (let i = 0; i < 1000; i++) expect(limiter.take('a', 'write', false, 0).allowed).toBe(true)
    expect(limiter.take('a', 'write', false, 0)).toMatchObject({ limit: 600, remaining: 600 })
    expect(limiter.take('a', 'read', false, 0).limit).toBe(6000)
  })
})
