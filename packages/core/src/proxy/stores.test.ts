import { describe, expect, it } from 'vitest'
import { ValidationError } from '../errors/ValidationError.ts'
import { createMemoryMessageStore, createMemoryQuotaStore, type QuotaCharge } from './stores.ts'

const charge = (overrides: Partial<QuotaCharge> = {}): QuotaCharge => ({
  key: 'user\u0000jti',
  limit: 2,
  idempotencyKey: undefined,
  expiresAt: 10_000,
  ...overrides,
})

describe('createMemoryQuotaStore', () => {
  it('counts up to the limit, then refuses', async () => {
    const store = createMemoryQuotaStore({ now: () => 0 })
    expect(await store.consume(charge())).toBe('counted')
    expect(await store.consume(charge())).toBe('counted')
    expect(await store.consume(charge())).toBe('exceeded')
    expect(await store.consume(charge({ key: 'other' }))).toBe('counted')
  })

  it('counts an idempotency key once, even past the limit', async () => {
    const store = createMemoryQuotaStore({ now: () => 0 })
    expect(await store.consume(charge({ limit: 1, idempotencyKey: 'k' }))).toBe('counted')
    expect(await store.consume(charge({ limit: 1, idempotencyKey: 'k' }))).toBe('repeat')
    expect(await store.consume(charge({ limit: 1, idempotencyKey: 'j' }))).toBe('exceeded')
    expect(await store.consume(charge({ limit: 1 }))).toBe('exceeded')
  })

  it('refunds a send and forgets its key', async () => {
    const store = createMemoryQuotaStore({ now: () => 0 })
    const c = charge({ limit: 1, idempotencyKey: 'k' })
    expect(await store.consume(c)).toBe('counted')
    await store.refund(c)
    expect(await store.consume(charge({ limit: 1, idempotencyKey: 'j' }))).toBe('counted')
    expect(await store.consume(c)).toBe('exceeded')
  })

  it('forgets a counter once its token expired', async () => {
    let now = 0
    const store = createMemoryQuotaStore({ now: () => now })
    expect(await store.consume(charge({ limit: 1, expiresAt: 100 }))).toBe('counted')
    expect(await store.consume(charge({ limit: 1, expiresAt: 100 }))).toBe('exceeded')
    now = 100
    expect(await store.consume(charge({ limit: 1, expiresAt: 200 }))).toBe('counted')
  })
})

describe('createMemoryMessageStore', () => {
  const record = (id: string, wamid: string | null = `wamid.${id}`) => ({
    id,
    subject: 'alice',
    providerMessageId: wamid,
    status: 'pending' as const,
  })

  it('finds records by id and by wamid, and updates them', async () => {
    const store = createMemoryMessageStore()
    await store.put(record('msg_1'))
    expect(await store.get('msg_1')).toEqual(record('msg_1'))
    expect(await store.findByProviderId('wamid.msg_1')).toEqual(record('msg_1'))
    await store.put({ ...record('msg_1'), status: 'read' })
    expect((await store.findByProviderId('wamid.msg_1'))?.status).toBe('read')
    expect(await store.get('msg_2')).toBeUndefined()
    await store.put(record('msg_3', null))
    expect(await store.get('msg_3')).toBeDefined()
  })

  it('forgets records after ttl', async () => {
    let now = 0
    const store = createMemoryMessageStore({ ttl: 10, now: () => now })
    await store.put(record('msg_1'))
    now = 9_999
    expect(await store.get('msg_1')).toBeDefined()
    now = 10_000
    expect(await store.get('msg_1')).toBeUndefined()
    expect(await store.findByProviderId('wamid.msg_1')).toBeUndefined()
  })

  it('keeps at most maxEntries, forgetting the least recently updated', async () => {
    const store = createMemoryMessageStore({ maxEntries: 2 })
    await store.put(record('msg_1'))
    await store.put(record('msg_2'))
    await store.put({ ...record('msg_1'), status: 'sent' })
    await store.put(record('msg_3'))
    expect(await store.get('msg_2')).toBeUndefined()
    expect(await store.findByProviderId('wamid.msg_2')).toBeUndefined()
    expect(await store.get('msg_1')).toBeDefined()
    expect(await store.get('msg_3')).toBeDefined()
  })

  it('refuses nonsense limits', () => {
    expect(() => createMemoryMessageStore({ ttl: 0 })).toThrow(ValidationError)
    expect(() => createMemoryMessageStore({ maxEntries: 0 })).toThrow(ValidationError)
  })

  it('lists every broken option at once', () => {
    expect(() => createMemoryMessageStore({ ttl: -1, maxEntries: 1.5, now: 0 as never })).toThrow(
      expect.objectContaining({
        issues: [
          { path: 'ttl', message: 'must be a number of seconds above 0 (got -1)' },
          { path: 'maxEntries', message: 'must be a whole number of 1 or more (got 1.5)' },
          { path: 'now', message: 'must be a function (got 0)' },
        ],
      }),
    )
    expect(() => createMemoryQuotaStore({ now: 'clock' as never })).toThrow(ValidationError)
  })
})
