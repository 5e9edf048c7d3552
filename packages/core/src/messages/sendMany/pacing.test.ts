import { describe, expect, it } from 'vitest'
import { realPort } from '../../../test/support/sendManyPort.ts'
import { readPacing, UNSAID_429_WAIT_MS } from './pacing.ts'

const port = realPort()
// Kirim's clock when it answered: 2026-05-04T10:00:00Z.
const server = Date.UTC(2026, 4, 4, 10, 0, 0)
const seconds = (ms: number) => String(ms / 1000)

const answer = (status: number, headers: Record<string, string>) =>
  new Response(status === 204 ? null : '{}', { status, headers })

const bucket = (remaining: number, resetIn: number, extra: Record<string, string> = {}) => ({
  'x-ratelimit-limit': '60',
  'x-ratelimit-remaining': String(remaining),
  'x-ratelimit-reset': seconds(server + resetIn),
  ...extra,
})

describe('readPacing', () => {
  it('measures the reset against the Date header, so a skewed local clock paces right', () => {
    const date = new Date(server).toUTCString()
    // The local clock is an hour behind Kirim's, and started at an arbitrary zero.
    for (const receivedAt of [server - 3_600_000, 5_000]) {
      expect(readPacing(port, answer(202, bucket(7, 42_000, { date })), receivedAt)).toEqual({
        refused: false,
        remaining: 7,
        limit: 60,
        refillAt: receivedAt + 42_000,
      })
    }
  })

  it('errs late, never early: Date is cut to the second', () => {
    // Kirim answered at 10:00:00.900, reset at 10:00:42: 41.1 s were left.
    const date = new Date(server).toUTCString()
    const reading = readPacing(port, answer(202, bucket(0, 42_000, { date })), 0)
    expect(reading).toMatchObject({ refillAt: 42_000 })
    expect((reading as { refillAt: number }).refillAt).toBeGreaterThanOrEqual(41_100)
  })

  it('without a Date header, takes the local clock for Kirim’s', () => {
    expect(readPacing(port, answer(202, bucket(3, 10_000)), server - 500)).toEqual({
      refused: false,
      remaining: 3,
      limit: 60,
      refillAt: server + 10_000,
    })
  })

  it('has nothing to say without the three rate-limit headers', () => {
    expect(readPacing(port, answer(202, {}), 0)).toBeUndefined()
    expect(readPacing(port, answer(202, { 'x-ratelimit-remaining': '3' }), 0)).toBeUndefined()
  })

  it('holds a 429 for its Retry-After, in seconds or as an HTTP date against Date', () => {
    const date = new Date(server).toUTCString()
    expect(
      readPacing(port, answer(429, { 'retry-after': '3', ...bucket(0, 60_000) }), 100),
    ).toEqual({ refused: true, until: 3_100 })
    const later = new Date(server + 5_000).toUTCString()
    expect(readPacing(port, answer(429, { 'retry-after': later, date }), 100)).toEqual({
      refused: true,
      until: 5_100,
    })
  })

  it('holds a 429 without Retry-After until the reset, or a second when it names none', () => {
    const date = new Date(server).toUTCString()
    expect(readPacing(port, answer(429, bucket(0, 20_000, { date })), 100)).toEqual({
      refused: true,
      until: 20_100,
    })
    expect(UNSAID_429_WAIT_MS).toBe(1000)
    expect(readPacing(port, answer(429, {}), 100)).toEqual({ refused: true, until: 1_100 })
  })
})
