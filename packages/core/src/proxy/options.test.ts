import { describe, expect, it } from 'vitest'
import { KirimError } from '../errors/KirimError.ts'
import { ValidationError } from '../errors/ValidationError.ts'
import { createProxy } from './createProxy.ts'
import type { ProxyOptions } from './options.ts'

const SECRET = 'a'.repeat(32)
const valid: ProxyOptions = {
  apiKey: 'kdv_live_emulatoremulatoremulator',
  tokenSecret: SECRET,
  authorize: () => null,
}

/** The ValidationError `createProxy` throws for `overrides`. */
function configError(overrides: Record<string, unknown>): ValidationError {
  try {
    createProxy({ ...valid, ...overrides } as ProxyOptions)
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError)
    expect(error).toBeInstanceOf(KirimError)
    return error as ValidationError
  }
  throw new Error(`createProxy accepted ${JSON.stringify(overrides)}`)
}

describe('createProxy options', () => {
  it('accepts the minimal options and answers', async () => {
    const proxy = createProxy(valid)
    const response = await proxy.fetch(new Request('http://localhost/api/kirim/v1/me'))
    expect(response.status).toBe(404)
  })

  it('refuses a missing or malformed apiKey', () => {
    for (const apiKey of [undefined, '', 'has space', 'line\nbreak', 42]) {
      const error = configError({ apiKey })
      expect(error.param).toBe('apiKey')
      expect(error.code).toBe('invalid_input')
    }
  })

  it('refuses a token secret under 32 bytes, and accepts 32', () => {
    expect(configError({ tokenSecret: 'a'.repeat(31) }).message).toContain(
      'at least 32 bytes (got 31)',
    )
    expect(() => createProxy({ ...valid, tokenSecret: 'a'.repeat(32) })).not.toThrow()
    // Bytes, not characters: 16 two-byte characters are 32 bytes.
    expect(() => createProxy({ ...valid, tokenSecret: 'é'.repeat(16) })).not.toThrow()
  })

  it('names the offending entry of a secret list, and never quotes the secret', () => {
    const short = 'shortsecret'
    const error = configError({ tokenSecret: [SECRET, short] })
    expect(error.param).toBe('tokenSecret[1]')
    expect(error.message).not.toContain(short)
    expect(configError({ tokenSecret: [] }).param).toBe('tokenSecret')
    expect(configError({ tokenSecret: [SECRET, SECRET] }).message).toContain('repeats')
    expect(configError({ tokenSecret: undefined }).param).toBe('tokenSecret')
    expect(configError({ tokenSecret: [SECRET, 7] }).param).toBe('tokenSecret[1]')
  })

  it('refuses the API key as a token or webhook secret', () => {
    const apiKey = 'k'.repeat(40)
    expect(configError({ apiKey, tokenSecret: apiKey }).param).toBe('tokenSecret')
    expect(configError({ apiKey, webhookSecret: apiKey }).param).toBe('webhookSecret')
  })

  it('checks tokenTtl: an integer from 1 to 3600', () => {
    expect(() => createProxy({ ...valid, tokenTtl: 1 })).not.toThrow()
    expect(() => createProxy({ ...valid, tokenTtl: 3600 })).not.toThrow()
    for (const tokenTtl of [0, 3601, 1.5, -1, '300', Number.NaN, Number.POSITIVE_INFINITY]) {
      const error = configError({ tokenTtl })
      expect(error.param).toBe('tokenTtl')
      expect(error.message).toContain('from 1 to 3600')
    }
  })

  it('checks baseUrl: an absolute http(s) URL without credentials, query or fragment', () => {
    for (const baseUrl of [
      'http://127.0.0.1:4010',
      'https://api-kckit.kirim.chat/',
      'https://gw.example/kirim',
    ]) {
      expect(() => createProxy({ ...valid, baseUrl })).not.toThrow()
    }
    for (const baseUrl of [
      'api.kirim.chat',
      'ftp://x.example',
      'https://u:p@x.example',
      'https://x.example?a=1',
      'https://x.example#f',
      1,
    ]) {
      expect(configError({ baseUrl }).param).toBe('baseUrl')
    }
  })

  it('checks basePath: a clean path', () => {
    for (const basePath of ['/', '/api', '/api/kirim/', '/a-b_c.d~']) {
      expect(() => createProxy({ ...valid, basePath })).not.toThrow()
    }
    for (const basePath of [
      'api',
      '',
      '/api//kirim',
      '/api/../x',
      '/api/./x',
      '/api%2Fx',
      '/api?x',
      '/api#x',
      '/a b',
    ]) {
      expect(configError({ basePath }).param).toBe('basePath')
    }
  })

  it('checks allowedOrigins: exact origins only', () => {
    expect(() =>
      createProxy({
        ...valid,
        allowedOrigins: ['https://app.example.com', 'http://localhost:5173'],
      }),
    ).not.toThrow()
    for (const origin of [
      '*',
      'https://app.example.com/',
      'https://app.example.com/path',
      'app.example.com',
      'https://*.example.com',
      'null',
    ]) {
      expect(configError({ allowedOrigins: [origin] }).param).toBe('allowedOrigins[0]')
    }
    expect(configError({ allowedOrigins: 'https://app.example.com' }).param).toBe('allowedOrigins')
  })

  it('checks the functions and stores', () => {
    expect(configError({ authorize: undefined }).param).toBe('authorize')
    expect(configError({ fetch: 'fetch' }).param).toBe('fetch')
    expect(configError({ onError: {} }).param).toBe('onError')
    expect(configError({ quotaStore: { consume() {} } }).param).toBe('quotaStore')
    expect(configError({ messageStore: {} }).param).toBe('messageStore')
    expect(configError({ dedupeStore: { add() {} } }).param).toBe('dedupeStore')
  })

  it('checks heartbeatInterval and upstreamTimeout', () => {
    expect(configError({ heartbeatInterval: 0 }).param).toBe('heartbeatInterval')
    expect(configError({ upstreamTimeout: 2 ** 31 }).param).toBe('upstreamTimeout')
    expect(() => createProxy({ ...valid, heartbeatInterval: 2 ** 31 - 1 })).not.toThrow()
  })

  it('refuses an unknown option (a typo must not silently fall back to a default)', () => {
    const error = configError({ tokenTTL: 60 })
    expect(error.param).toBe('tokenTTL')
    expect(error.message).toContain('is not an option')
  })

  it('lists every broken option at once, each with its path, and quotes no secret', () => {
    const apiKey = 'kdv live key with spaces'
    const error = configError({
      apiKey,
      tokenSecret: ['short-secret', 'short-secret'],
      webhookSecret: '',
      tokenTtl: 0,
      basePath: 'api',
      allowedOrigins: ['*'],
      onError: {},
      tokenTTL: 60,
    })
    expect(error.issues.map((issue) => issue.path)).toEqual([
      'tokenTTL',
      'apiKey',
      'tokenSecret[0]',
      'tokenSecret[1]',
      'tokenSecret[1]',
      'webhookSecret',
      'allowedOrigins[0]',
      'basePath',
      'tokenTtl',
      'onError',
    ])
    expect(error.param).toBe('tokenTTL')
    expect(error.issues[4]!.message).toBe('repeats an earlier secret')
    expect(error.message).toContain('createProxy options')
    expect(error.message).not.toContain('short-secret')
    expect(error.message).not.toContain(apiKey)
  })

  it('refuses a non-object', () => {
    expect(() => createProxy(undefined as never)).toThrow(ValidationError)
  })
})
