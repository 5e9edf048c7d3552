import { describe, expect, it } from 'vitest'
import { realPort } from '../../../test/support/sendManyPort.ts'
import { batchKey, batchMax, checkBatch } from './batchKey.ts'

const port = realPort()
const rule =
  'must name the broadcast, the same on every run: 1–238 printable ASCII characters without a space at either end, so that "<batch>:<index>" is an Idempotency-Key'

describe('batchKey: the documented derivation, stable across versions', () => {
  it('is <batch>:<index>, the index in decimal from 0', () => {
    // Written out literally: a rerun on any later version must find the keys of this one.
    expect(batchKey('order-shipped-2026-05-04', 0)).toBe('order-shipped-2026-05-04:0')
    expect(batchKey('order-shipped-2026-05-04', 17)).toBe('order-shipped-2026-05-04:17')
    expect(batchKey('a b', 1000000)).toBe('a b:1000000')
    expect(batchKey('x', Number.MAX_SAFE_INTEGER)).toBe('x:9007199254740991')
  })
})

describe('checkBatch', () => {
  it('bounds a batch at 238 characters: 255 for the key, less ":" and 16 digits of index', () => {
    expect(batchMax(255)).toBe(238)
    expect(port.isIdempotencyKey(batchKey('b'.repeat(238), Number.MAX_SAFE_INTEGER))).toBe(true)
    expect(port.isIdempotencyKey(batchKey('b'.repeat(239), Number.MAX_SAFE_INTEGER))).toBe(false)
  })

  it.each([
    ['1 character', 'a'],
    ['238 characters', 'b'.repeat(238)],
    ['spaces inside', 'promo mei 2026'],
    ['every printable ASCII character but space at the ends', `!${' ~:/'.repeat(50)}~`],
  ])('accepts %s', (_, batch) => {
    expect(checkBatch(port, 'options.batch', batch)).toBe(true)
  })

  it.each([
    ['nothing', undefined, 'undefined'],
    ['an empty string', '', '""'],
    ['239 characters', 'b'.repeat(239), `"${'b'.repeat(63)}…"`],
    ['a leading space', ' promo', '" promo"'],
    ['a trailing space', 'promo ', '"promo "'],
    ['non-ASCII', 'promo-é', '"promo-é"'],
    ['a newline', 'promo\n', '"promo\\n"'],
    ['a number', 42, '42'],
  ])('refuses %s, naming the rule and what it got', (_, batch, got) => {
    expect(checkBatch(port, 'options.batch', batch)).toEqual({
      path: 'options.batch',
      message: `${rule} (got ${got})`,
    })
  })
})
