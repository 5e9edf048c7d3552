import { describe, expect, it } from 'vitest'
import { checkIdempotencyKey } from './idempotencyKey.ts'

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
