import { assertOptions, checkWholeNumber } from '../internal/checkOptions.ts'
import type { DedupeStore } from './DedupeStore.ts'

/** Options of {@link createMemoryDedupeStore}. */
export interface MemoryDedupeStoreOptions {
  /**
   * How many ids it holds at most; past that, the oldest is forgotten first.
   * @default 10_000
   */
  readonly maxEntries?: number
}

/**
 * An in-memory {@link DedupeStore}: ids expire after their `ttl`, and at most `maxEntries`
 * are kept. It lives in one process: serverless functions and several instances each have
 * their own, so use a shared store (Redis, a database) there.
 *
 * @example
 * const deduper = createWebhookDeduper({ store: createMemoryDedupeStore({ maxEntries: 50_000 }) })
 */
export function createMemoryDedupeStore(options: MemoryDedupeStoreOptions = {}): DedupeStore {
  assertOptions('createMemoryDedupeStore options', options, ({ maxEntries }) => [
    checkWholeNumber('maxEntries', maxEntries, 1),
  ])
  const { maxEntries = 10_000 } = options
  // Insertion order is (nearly) expiry order, so expired ids are swept from the front.
  const expiries = new Map<string, number>()

  function sweep(now: number): void {
    for (const [key, expiresAt] of expiries) {
      if (expiresAt > now) return
      expiries.delete(key)
    }
  }

  return {
    async add(key, ttl) {
      const now = Date.now()
      const expiresAt = expiries.get(key)
      if (expiresAt !== undefined && expiresAt > now) return false
      expiries.delete(key)
      sweep(now)
      while (expiries.size >= maxEntries) {
        const oldest = expiries.keys().next()
        if (oldest.done) break
        expiries.delete(oldest.value)
      }
      expiries.set(key, now + ttl * 1000)
      return true
    },
    async delete(key) {
      expiries.delete(key)
    },
  }
}
