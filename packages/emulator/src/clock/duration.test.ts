import { describe, expect, it } from 'vitest'
import { parseDuration } from './duration.ts'

describe('parseDuration', () => {
  it.each([
    ['25h', 25 * 3_600_000],
    ['10m', 600_000],
    ['30s', 30_000],
    ['250ms', 250],
    ['1d', 86_400_000],
    ['1h30m', 5_400_000],
    ['1.5s', 1500],
    ['1500', 1500],
    [' 2s ', 2000],
  ])('reads "%s" as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms)
  })

  it('takes numbers as ms', () => {
    expect(parseDuration(0)).toBe(0)
    expect(parseDuration(42)).toBe(42)
  })

  it.each(['', 'h', '10x', '-5s', '5 s', 'soon', '1h-30m'])('rejects "%s"', (text) => {
    expect(() => parseDuration(text)).toThrow(RangeError)
  })

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects %d', (ms) => {
    expect(() => parseDuration(ms)).toThrow(RangeError)
  })
})
