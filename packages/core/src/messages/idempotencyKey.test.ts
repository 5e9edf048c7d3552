import { describe, expect, it } from 'vitest'
import { idempotencyKeyIssues, newIdempotencyKey } from './idempotencyKey.ts'

describe('idempotencyKeyIssues', () => {
  it('accepts 1 to 255 printable ASCII characters', () => {
    expect(idempotencyKeyIssues(undefined)).toEqual([])
    expect(idempotencyKeyIssues('a')).toEqual([])
    expect(idempotencyKeyIssues('k'.repeat(255))).toEqual([])
    expect(idempotencyKeyIssues('order 42/~!')).toEqual([])
    expect(idempotencyKeyIssues(newIdempotencyKey())).toEqual([])
  })

  it('rejects an empty key and one of 256 characters', () => {
    expect(idempotencyKeyIssues('')).toEqual([
      { path: 'options.idempotencyKey', message: 'must be 1–255 characters (got 0)' },
    ])
    expect(idempotencyKeyIssues('k'.repeat(256))).toEqual([
      { path: 'options.idempotencyKey', message: 'must be 1–255 characters (got 256)' },
    ])
  })

  it('rejects non-ASCII, control characters and surrounding spaces', () => {
    for (const key of ['pesan-é', 'tab\there', 'line\nbreak', 'del\u007f']) {
      expect(idempotencyKeyIssues(key)[0]?.message).toBe(
        'must be printable ASCII characters only (space to ~)',
      )
    }
    expect(idempotencyKeyIssues(' key')[0]?.message).toBe('must not start or end with a space')
    expect(idempotencyKeyIssues('key ')[0]?.message).toBe('must not start or end with a space')
  })

  it('rejects a non-string', () => {
    expect(idempotencyKeyIssues(42)).toEqual([
      { path: 'options.idempotencyKey', message: 'must be a string (got number)' },
    ])
  })
})

describe('newIdempotencyKey', () => {
  it('makes a fresh UUID v4 each time', () => {
    const keys = new Set(Array.from({ length: 100 }, newIdempotencyKey))
    expect(keys.size).toBe(100)
    for (const key of keys)
      expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})
