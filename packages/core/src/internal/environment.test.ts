import { afterEach, describe, expect, it, vi } from 'vitest'
import { isBrowser, randomUUID } from './environment.ts'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('isBrowser', () => {
  it('is false in Node', () => {
    expect(isBrowser()).toBe(false)
  })

  it('is true with window and document', () => {
    vi.stubGlobal('window', {})
    vi.stubGlobal('document', {})
    expect(isBrowser()).toBe(true)
  })

  it('is false with only one of them, in Deno, and in a worker', () => {
    vi.stubGlobal('window', {})
    expect(isBrowser()).toBe(false)
    vi.stubGlobal('document', {})
    vi.stubGlobal('Deno', {})
    expect(isBrowser()).toBe(false)
    vi.unstubAllGlobals()
    vi.stubGlobal('window', {})
    vi.stubGlobal('document', {})
    vi.stubGlobal('importScripts', () => {})
    expect(isBrowser()).toBe(false)
  })
})

describe('randomUUID', () => {
  const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

  it('uses crypto.randomUUID', () => {
    expect(randomUUID()).toMatch(v4)
  })

  it('falls back to getRandomValues where randomUUID is missing (insecure contexts)', () => {
    const real = globalThis.crypto
    vi.stubGlobal('crypto', {
      getRandomValues: (bytes: Uint8Array<ArrayBuffer>) => real.getRandomValues(bytes),
    })
    const keys = new Set(Array.from({ length: 50 }, randomUUID))
    vi.unstubAllGlobals()
    expect(keys.size).toBe(50)
    for (const key of keys) expect(key).toMatch(v4)
  })
})
