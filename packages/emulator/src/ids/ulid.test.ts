import { describe, expect, it } from 'vitest'
import { ID_PATTERN, newId, ulid } from './ulid.ts'

const CROCKFORD = /^[0-9A-HJKMNP-TV-Z]{26}$/

describe('ulid', () => {
  it('is 26 upper-case Crockford base32 characters', () => {
    for (let i = 0; i < 200; i++) expect(ulid(Date.now())).toMatch(CROCKFORD)
  })

  it('encodes the 48-bit time in the first 10 characters', () => {
    expect(ulid(0).slice(0, 10)).toBe('0000000000')
    expect(ulid(1).slice(0, 10)).toBe('0000000001')
    expect(ulid(32).slice(0, 10)).toBe('0000000010')
    expect(ulid(2 ** 48 - 1).slice(0, 10)).toBe('7ZZZZZZZZZ')
  })

  it('sorts by time', () => {
    const earlier = ulid(1_700_000_000_000)
    const later = ulid(1_700_000_000_001)
    expect(earlier.slice(0, 10) < later.slice(0, 10)).toBe(true)
  })

  it('clamps times outside 0 … 2^48-1 instead of producing a longer id', () => {
    expect(ulid(-5).slice(0, 10)).toBe('0000000000')
    expect(ulid(2 ** 50)).toMatch(CROCKFORD)
    expect(ulid(2 ** 50).slice(0, 10)).toBe('7ZZZZZZZZZ')
  })

  it('draws 80 random bits: ids minted in the same millisecond differ', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => ulid(1_700_000_000_000)))
    expect(ids.size).toBe(1000)
  })
})

describe('newId', () => {
  it.each(['msg', 'req', 'evt', 'wbd', 'wbs', 'tmpl', 'org', 'key'] as const)(
    'mints %s_ ids matching <prefix>_<26 Crockford>',
    (prefix) => {
      const id = newId(prefix, Date.now())
      expect(id).toMatch(new RegExp(`^${prefix}_[0-9A-HJKMNP-TV-Z]{26}$`))
      expect(id).toMatch(ID_PATTERN)
    },
  )
})
