import { describe, expect, it } from 'vitest'
import { checkIdempotencyKey, createIdempotencyKey } from './idempotencyKey.ts'

const rule = 'must be 1–255 printable ASCII characters, without a space at either end'

describe('checkIdempotencyKey', () => {
  it('accepts 1 to 255 printable ASCII characters, spaces inside', () => {
    for (const key of [undefined, 'a', 'k'.repeat(255), 'order 42/~!', crypto.randomUUID()]) {
      expect(checkIdempotencyKey(key)).toBe(true)
    }
  })

  it('rejects an empty key and one of 256 characters, naming what it got', () => {
    expect(checkIdempotencyKey('')).toEqual({
      path: 'options.idempotencyKey',
      message: `${rule} (got "")`,
    })
    expect(checkIdempotencyKey('k'.repeat(256))).toMatchObject({
      path: 'options.idempotencyKey',
      message: expect.stringMatching(/^must be 1–255 printable ASCII characters.*\(got "k+…"\)$/),
    })
  })

  it('rejects non-ASCII, control characters and a space at either end', () => {
    for (const key of ['pesan-é', 'tab\there', 'line\nbreak', 'del\u007f', ' key', 'key ', ' ']) {
      expect(checkIdempotencyKey(key)).toMatchObject({ message: expect.stringContaining(rule) })
    }
  })

  it('rejects a non-string', () => {
    expect(checkIdempotencyKey(42)).toEqual({
      path: 'options.idempotencyKey',
      message: `${rule} (got 42)`,
    })
  })
})

describe('createIdempotencyKey', () => {
  it('makes a fresh UUID v4 each call, which the key rule accepts', () => {
    const keys = Array.from({ length: 20 }, createIdempotencyKey)
    expect(new Set(keys).size).toBe(20)
    for (const key of keys) {
      expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      expect(checkIdempotencyKey(key)).toBe(true)
    }
  })
})
