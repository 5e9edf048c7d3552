import { describe, expect, it } from 'vitest'
import { ApiError } from '../errors/api-error.ts'
import { FaultRegistry, faultError } from './fault-registry.ts'

const none = new Headers()

describe('FaultRegistry', () => {
  it('applies a fault to the next request only by default', () => {
    const faults = new FaultRegistry()
    faults.add({ kind: '500' }, 0)
    expect(faults.pick('POST', '/v1/messages', none)?.kind).toBe('500')
    expect(faults.pick('POST', '/v1/messages', none)).toBeUndefined()
  })

  it('applies to the next count requests', () => {
    const faults = new FaultRegistry()
    faults.add({ kind: '503', count: 3, retryAfter: 7 }, 0)
    for (let i = 0; i < 3; i++)
      expect(faults.pick('GET', '/v1/me', none)).toMatchObject({ kind: '503', retryAfter: 7 })
    expect(faults.pick('GET', '/v1/me', none)).toBeUndefined()
    expect(faults.list()).toHaveLength(0)
  })

  it('limits to /v1/ by default, or to a path (exact, or a prefix ending in *)', () => {
    const faults = new FaultRegistry()
    faults.add({ kind: '500', count: 10 }, 0)
    expect(faults.pick('GET', '/_emulator/messages', none)).toBeUndefined()
    faults.clear()
    faults.add({ kind: '500', count: 10, path: '/v1/messages' }, 0)
    expect(faults.pick('GET', '/v1/templates', none)).toBeUndefined()
    expect(faults.pick('GET', '/v1/messages/msg_1', none)).toBeUndefined()
    expect(faults.pick('POST', '/v1/messages', none)?.kind).toBe('500')
    faults.clear()
    faults.add({ kind: '500', count: 10, path: '/v1/messages*', method: 'get' }, 0)
    expect(faults.pick('POST', '/v1/messages', none)).toBeUndefined()
    expect(faults.pick('GET', '/v1/messages/msg_1', none)?.kind).toBe('500')
  })

  it('applies to a share of requests with rate', () => {
    const faults = new FaultRegistry()
    faults.add({ kind: '500', rate: 0.5 }, 0)
    let hits = 0
    for (let i = 0; i < 2000; i++) if (faults.pick('GET', '/v1/me', none)) hits++
    expect(hits).toBeGreaterThan(850)
    expect(hits).toBeLessThan(1150)
    faults.clear()
    faults.add({ kind: '500', rate: 0 }, 0)
    for (let i = 0; i < 100; i++) expect(faults.pick('GET', '/v1/me', none)).toBeUndefined()
  })

  it('takes X-Emulator-Fault and X-Emulator-Latency for one request', () => {
    const faults = new FaultRegistry()
    expect(
      faults.pick('GET', '/v1/me', new Headers({ 'x-emulator-fault': 'drop_after' }))?.kind,
    ).toBe('drop_after')
    expect(
      faults.pick(
        'GET',
        '/v1/me',
        new Headers({ 'x-emulator-fault': 'latency', 'x-emulator-latency': '250' }),
      ),
    ).toMatchObject({ kind: 'latency', latencyMs: 250 })
    expect(faults.pick('GET', '/v1/me', new Headers({ 'x-emulator-latency': '5' }))).toMatchObject({
      kind: 'latency',
      latencyMs: 5,
    })
    expect(() =>
      faults.pick('GET', '/v1/me', new Headers({ 'x-emulator-fault': 'explode' })),
    ).toThrow(ApiError)
    expect(() => faults.pick('GET', '/v1/me', new Headers({ 'x-emulator-latency': '-1' }))).toThrow(
      ApiError,
    )
    expect(() =>
      faults.pick('GET', '/v1/me', new Headers({ 'x-emulator-latency': '999999' })),
    ).toThrow(ApiError)
  })

  it.each([
    [{}, 'kind'],
    [{ kind: 'explode' }, 'kind'],
    [{ kind: '500', count: 0 }, 'count'],
    [{ kind: '500', count: 1.5 }, 'count'],
    [{ kind: '500', rate: 2 }, 'rate'],
    [{ kind: '500', rate: '0.5' }, 'rate'],
    [{ kind: 'latency', latencyMs: -1 }, 'latencyMs'],
    [{ kind: '503', retryAfter: 'soon' }, 'retryAfter'],
    [{ kind: '500', path: 'v1/messages' }, 'path'],
  ])('rejects %j naming %s', (input, param) => {
    try {
      new FaultRegistry().add(input, 0)
      expect.unreachable()
    } catch (error) {
      expect((error as ApiError).param).toBe(param)
      expect((error as ApiError).status).toBe(400)
    }
  })

  it('takes numeric kinds', () => {
    expect(new FaultRegistry().add({ kind: 429 }, 0).kind).toBe('429')
  })
})

describe('faultError', () => {
  it('renders 500, 503 with Retry-After, 429 with Retry-After', () => {
    expect(faultError({ kind: '500', latencyMs: 0, retryAfter: 1 })).toMatchObject({
      status: 500,
      type: 'api_error',
      code: 'internal_error',
    })
    expect(faultError({ kind: '503', latencyMs: 0, retryAfter: 4 })).toMatchObject({
      status: 503,
      type: 'api_error',
      headers: { 'Retry-After': '4' },
    })
    expect(faultError({ kind: '429', latencyMs: 0, retryAfter: 2 })).toMatchObject({
      status: 429,
      code: 'rate_limit_exceeded',
      headers: { 'Retry-After': '2' },
    })
  })
})
