import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ValidationError } from '../errors/ValidationError.ts'
import { createMemoryDedupeStore } from './createMemoryDedupeStore.ts'
import { createWebhookDeduper } from './createWebhookDeduper.ts'
import type { DedupeStore } from './DedupeStore.ts'

// Kirim's last retry comes 24 h ± 20 % after the first attempt: the default covers it.
const DEFAULT_TTL_MS = 30 * 3_600_000

beforeEach(() => {
  vi.useFakeTimers({ now: 1_750_000_000_000 })
})

afterEach(() => {
  vi.useRealTimers()
})

describe('createWebhookDeduper', () => {
  it('answers false for a new event id, true for every repeat', async () => {
    const deduper = createWebhookDeduper()
    expect(await deduper.seen('evt_A')).toBe(false)
    expect(await deduper.seen('evt_A')).toBe(true)
    expect(await deduper.seen('evt_A')).toBe(true)
    expect(await deduper.seen('evt_B')).toBe(false)
  })

  it('handles one of two concurrent deliveries of the same event', async () => {
    const deduper = createWebhookDeduper()
    expect(await Promise.all([deduper.seen('evt_A'), deduper.seen('evt_A')])).toEqual([false, true])
  })

  it('remembers an id for 30 hours by default (past the last retry), and not a millisecond more', async () => {
    const deduper = createWebhookDeduper()
    await deduper.seen('evt_A')
    vi.advanceTimersByTime(DEFAULT_TTL_MS - 1)
    expect(await deduper.seen('evt_A')).toBe(true)
    vi.advanceTimersByTime(1)
    expect(await deduper.seen('evt_A')).toBe(false)
  })

  it('honours a custom ttl in seconds', async () => {
    const deduper = createWebhookDeduper({ ttl: 60 })
    await deduper.seen('evt_A')
    vi.advanceTimersByTime(59_999)
    expect(await deduper.seen('evt_A')).toBe(true)
    vi.advanceTimersByTime(1)
    expect(await deduper.seen('evt_A')).toBe(false)
  })

  it('handles an event again after forget (its handling failed)', async () => {
    const deduper = createWebhookDeduper()
    await deduper.seen('evt_A')
    await deduper.forget('evt_A')
    expect(await deduper.seen('evt_A')).toBe(false)
    expect(await deduper.seen('evt_A')).toBe(true)
  })

  it('records in a custom store with the ttl, and reads its answer', async () => {
    const add = vi.fn<DedupeStore['add']>(async (key) => key !== 'evt_old')
    const remove = vi.fn<DedupeStore['delete']>(async () => {})
    const deduper = createWebhookDeduper({ store: { add, delete: remove }, ttl: 3600 })
    expect(await deduper.seen('evt_new')).toBe(false)
    expect(await deduper.seen('evt_old')).toBe(true)
    await deduper.forget('evt_new')
    expect(add.mock.calls).toEqual([
      ['evt_new', 3600],
      ['evt_old', 3600],
    ])
    expect(remove).toHaveBeenCalledWith('evt_new')
  })

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses a ttl of %d', (ttl) => {
    expect(() => createWebhookDeduper({ ttl })).toThrow(ValidationError)
  })

  it('refuses an empty event id', async () => {
    const deduper = createWebhookDeduper()
    await expect(deduper.seen('')).rejects.toThrow(ValidationError)
    await expect(deduper.forget('')).rejects.toThrow(ValidationError)
  })

  it('lists every broken option at once', () => {
    expect(() => createWebhookDeduper({ store: { add() {} } as never, ttl: 0 })).toThrow(
      expect.objectContaining({
        issues: [
          { path: 'store', message: 'must be an object with the methods add, delete' },
          { path: 'ttl', message: 'must be a number of seconds above 0 (got 0)' },
        ],
      }),
    )
  })
})

describe('createMemoryDedupeStore', () => {
  it('holds at most maxEntries ids, forgetting the oldest first', async () => {
    const store = createMemoryDedupeStore({ maxEntries: 3 })
    for (const key of ['a', 'b', 'c', 'd']) expect(await store.add(key, 60)).toBe(true)
    expect(await store.add('d', 60)).toBe(false)
    expect(await store.add('c', 60)).toBe(false)
    expect(await store.add('b', 60)).toBe(false)
    // 'a' was evicted to make room for 'd'; adding it back evicts 'b', now the oldest.
    expect(await store.add('a', 60)).toBe(true)
    expect(await store.add('b', 60)).toBe(true)
  })

  it('frees the room of expired ids before evicting live ones', async () => {
    const store = createMemoryDedupeStore({ maxEntries: 2 })
    await store.add('short', 1)
    await store.add('long', 3600)
    vi.advanceTimersByTime(1000)
    expect(await store.add('new', 3600)).toBe(true)
    expect(await store.add('long', 3600)).toBe(false)
    expect(await store.add('new', 3600)).toBe(false)
  })

  it('records an expired id anew', async () => {
    const store = createMemoryDedupeStore()
    await store.add('a', 1)
    vi.advanceTimersByTime(1000)
    expect(await store.add('a', 1)).toBe(true)
    expect(await store.add('a', 1)).toBe(false)
  })

  it.each([0, 1.5, -1])('refuses maxEntries %d', (maxEntries) => {
    expect(() => createMemoryDedupeStore({ maxEntries })).toThrow(ValidationError)
  })
})
