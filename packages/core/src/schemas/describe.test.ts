import { describe, expect, test } from 'vitest'
import { describeValue } from './describe.ts'

describe('describeValue', () => {
  test('quotes strings as JSON', () => {
    expect(describeValue('0811')).toBe('"0811"')
    expect(describeValue('a"b')).toBe('"a\\"b"')
  })
  test('cuts long strings at 64 code points', () => {
    expect(describeValue('x'.repeat(64))).toBe(`"${'x'.repeat(64)}"`)
    expect(describeValue('x'.repeat(65))).toBe(`"${'x'.repeat(63)}…"`)
    expect(describeValue('😀'.repeat(100))).toBe(`"${'😀'.repeat(63)}…"`)
  })
  test('writes other values by kind', () => {
    expect(describeValue(12)).toBe('12')
    expect(describeValue(true)).toBe('true')
    expect(describeValue(null)).toBe('null')
    expect(describeValue(undefined)).toBe('undefined')
    expect(describeValue([1])).toBe('an array')
    expect(describeValue({ a: 1 })).toBe('an object')
  })
})
