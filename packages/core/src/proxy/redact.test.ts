import { describe, expect, it } from 'vitest'
import { redact, redactError } from './redact.ts'

const KEY = 'kdv_live_secretsecretsecretsecret'

describe('redact', () => {
  it('replaces every occurrence', () => {
    expect(redact(`a ${KEY} b ${KEY}`, KEY)).toBe('a [redacted] b [redacted]')
    expect(redact('clean', KEY)).toBe('clean')
  })
})

describe('redactError', () => {
  it('copies name, message, stack and causes with the key redacted, dropping other properties', () => {
    const inner = new Error(`inner ${KEY}`)
    const error = Object.assign(new TypeError(`outer ${KEY}`, { cause: inner }), {
      headers: { authorization: `Bearer ${KEY}` },
    })
    const safe = redactError(error, KEY)
    expect(safe.name).toBe('TypeError')
    expect(safe.message).toBe('outer [redacted]')
    expect(safe.stack).not.toContain(KEY)
    expect((safe.cause as Error).message).toBe('inner [redacted]')
    expect(JSON.stringify(Object.entries(safe))).not.toContain(KEY)
    expect('headers' in safe).toBe(false)
  })

  it('describes a thrown non-Error', () => {
    expect(redactError(`raw ${KEY}`, KEY).message).toBe('Non-error thrown: raw [redacted]')
    expect(redactError({ key: KEY }, KEY).message).not.toContain(KEY)
  })

  it('stops following causes after a few levels (a cycle cannot loop)', () => {
    const a = new Error('a')
    const b = new Error('b', { cause: a })
    ;(a as { cause?: unknown }).cause = b
    expect(() => redactError(a, KEY)).not.toThrow()
  })
})
