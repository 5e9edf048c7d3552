/**
 * Where a deduper remembers event ids. Two async methods, so that Redis, Upstash, Durable
 * Objects or a database fit behind it; `add` must be atomic (a set-if-absent), or two
 * concurrent retries of one event can both be handled.
 *
 * @example Redis (node-redis v4)
 * const store: DedupeStore = {
 *   add: async (key, ttl) => (await redis.set(`kirim:evt:${key}`, '1', { NX: true, EX: Math.ceil(ttl) })) === 'OK',
 *   delete: async (key) => void (await redis.del(`kirim:evt:${key}`)),
 * }
 */
export interface DedupeStore {
  /**
   * Records `key` for `ttl` seconds unless it is already recorded (and not expired).
   * Resolves `true` when it was recorded now, `false` when it was already there.
   */
  add(key: string, ttl: number): Promise<boolean>
  /** Forgets `key`, so that its next delivery is handled again. */
  delete(key: string): Promise<void>
}
