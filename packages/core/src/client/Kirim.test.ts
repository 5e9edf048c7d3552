import { afterEach, describe, expect, it, vi } from 'vitest'
import { ValidationError } from '../errors/ValidationError.ts'
import type { KirimOptions } from '../types/options.ts'
import { Kirim } from './Kirim.ts'

const apiKey = 'kdv_live_emulatoremulatoremulator'

afterEach(() => {
  vi.unstubAllGlobals()
})

const issuesOf = (options: unknown) => {
  try {
    new Kirim(options as KirimOptions)
  } catch (error) {
    if (error instanceof ValidationError) return error.issues
    throw error
  }
  return []
}

describe('new Kirim(options)', () => {
  it('takes exactly one of apiKey, token and tokenUrl', () => {
    expect(issuesOf({ apiKey })).toEqual([])
    expect(issuesOf({ token: 'tok_abc' })).toEqual([])
    expect(issuesOf({ token: async () => ({ token: 't', expiresIn: 60 }) })).toEqual([])
    expect(issuesOf({ tokenUrl: 'https://app.example/api/kirim/token' })).toEqual([])
    expect(issuesOf({})).toEqual([
      {
        path: '',
        message: 'needs exactly one of apiKey, token or tokenUrl (got none)',
      },
    ])
    expect(issuesOf({ apiKey, tokenUrl: 'https://app.example/token' })).toEqual([
      {
        path: '',
        message: 'needs exactly one of apiKey, token or tokenUrl (got apiKey and tokenUrl)',
      },
    ])
  })

  it('lists every bad option at once, naming the field and the rule', () => {
    const issues = issuesOf({
      apiKey: 'has space',
      baseUrl: 'api.kirim.chat',
      from: '0811',
      timeout: 0,
      maxRetries: 1.5,
      headers: { Authorization: 'Bearer x' },
    })
    expect(issues.map((issue) => issue.path)).toEqual([
      'apiKey',
      'baseUrl',
      'from',
      'timeout',
      'maxRetries',
      'headers.Authorization',
    ])
    expect(issues.find((issue) => issue.path === 'from')?.message).toBe(
      'must be an E.164 phone number with a leading + (got "0811")',
    )
  })

  it('refuses headers the client sets per request', () => {
    expect(issuesOf({ apiKey, headers: { 'idempotency-key': 'k', 'X-Trace': 't' } })).toEqual([
      { path: 'headers.idempotency-key', message: 'is set by the client' },
    ])
  })

  it('bounds timeout and maxRetries at their edges', () => {
    expect(issuesOf({ apiKey, timeout: 1, maxRetries: 0 })).toEqual([])
    expect(issuesOf({ apiKey, timeout: 2_147_483_647, maxRetries: 10 })).toEqual([])
    expect(issuesOf({ apiKey, timeout: 2_147_483_648 }).map((issue) => issue.path)).toEqual([
      'timeout',
    ])
    expect(issuesOf({ apiKey, maxRetries: 11 }).map((issue) => issue.path)).toEqual(['maxRetries'])
    expect(issuesOf({ apiKey, maxRetries: -1 }).map((issue) => issue.path)).toEqual(['maxRetries'])
  })

  it('refuses an API key in a browser unless dangerouslyAllowBrowser is set', () => {
    vi.stubGlobal('window', {})
    vi.stubGlobal('document', {})
    expect(() => new Kirim({ apiKey })).toThrow(ValidationError)
    expect(issuesOf({ apiKey })[0]?.message).toMatch(
      /must not be used in a browser.*tokenUrl.*dangerouslyAllowBrowser/,
    )
    expect(issuesOf({ apiKey, dangerouslyAllowBrowser: true })).toEqual([])
    expect(issuesOf({ tokenUrl: '/api/kirim/token', baseUrl: '/api/kirim' })).toEqual([])
  })

  it('takes a relative tokenUrl or baseUrl only in a browser', () => {
    expect(issuesOf({ tokenUrl: '/api/kirim/token' }).map((issue) => issue.path)).toEqual([
      'tokenUrl',
    ])
    expect(issuesOf({ apiKey, baseUrl: 'ftp://kirim.chat' }).map((issue) => issue.path)).toEqual([
      'baseUrl',
    ])
  })
})
