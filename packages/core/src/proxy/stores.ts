/**
 * The proxy's two pieces of state, behind small interfaces so a deployment that runs on several
 * instances (Workers, serverless functions) can keep them in a shared store (KV, Redis, a
 * Durable Object). The in-memory defaults suit one long-lived process and forget on restart.
 */
import {
  assertOptions,
  checkFunction,
  checkSeconds,
  checkWholeNumber,
} from '../internal/checkOptions.ts'
import type { MessageStatus } from '../schemas/index.ts'

/** What a {@link QuotaStore} answers for one send. */
export type QuotaDecision =
  /** The send was counted against the quota: it may go ahead. */
  | 'counted'
  /** The `Idempotency-Key` was already counted for this token: a retry, not a new send. */
  | 'repeat'
  /** The quota is used up: the send must be refused. */
  | 'exceeded'

/** One send to count, as given to {@link QuotaStore.consume}. */
export interface QuotaCharge {
  /** One counter per token: the subject and the token's `jti`. Opaque; use it as a map key. */
  readonly key: string
  /** The token's `scope.maxSends`. */
  readonly limit: number
  /** The request's `Idempotency-Key`, when it has one: a key already counted is not counted again. */
  readonly idempotencyKey: string | undefined
  /** When the counter may be forgotten (ms since the epoch): the token's expiry. */
  readonly expiresAt: number
}

/**
 * Counts sends per token against `scope.maxSends`. `consume` must be atomic per `key` (two
 * concurrent sends with one send left: one is counted, the other exceeded).
 *
 * @example
 * // A store over Redis would INCR a counter and SADD the idempotency key in one MULTI,
 * // with PEXPIREAT at `expiresAt`; a repeat SADDs the key to a second set, which refund checks.
 */
export interface QuotaStore {
  /** Counts one send unless its idempotency key was counted before or the limit is reached. */
  consume(charge: QuotaCharge): Promise<QuotaDecision>
  /**
   * Takes back a send `consume` counted, when the upstream answered that nothing was sent. Does
   * nothing once its idempotency key was answered `'repeat'`: that repeat went upstream uncounted
   * and may be the request that was sent (it reached Kirim first, and this one was refused for
   * reusing its key).
   */
  refund(charge: QuotaCharge): Promise<void>
}

/** A message sent through the proxy: who sent it, and how far its status has been published. */
export interface MessageRecord {
  /** Kirim's id, `msg_…`. */
  readonly id: string
  /** The `sub` of the token that sent it: the only subject that may read it or see its events. */
  readonly subject: string
  /** Meta's `wamid.…`, which `message.status` webhooks carry instead of the `msg_` id. */
  readonly providerMessageId: string | null
  /** The highest status published so far: a status never moves backwards. */
  readonly status: MessageStatus
}

/**
 * Remembers which subject sent which message, so that `GET /v1/messages/{id}` and the event
 * stream show a subject only its own messages, and webhooks (keyed by `wamid`) find their owner.
 */
export interface MessageStore {
  /** The record of a `msg_…` id, or `undefined` when the proxy did not send it (or forgot it). */
  get(id: string): Promise<MessageRecord | undefined>
  /** The record whose `providerMessageId` is `wamid`, or `undefined`. */
  findByProviderId(wamid: string): Promise<MessageRecord | undefined>
  /** Saves a record (a new one, or a later status of a known one). */
  put(record: MessageRecord): Promise<void>
}

/** Options of {@link createMemoryMessageStore}. */
export interface MemoryMessageStoreOptions {
  /**
   * How long a message is remembered after its last update, in seconds. Kirim retries webhooks
   * for about 31 hours, so keep this longer than that.
   * @default 172800 (48 hours)
   */
  readonly ttl?: number
  /**
   * The most messages kept; the least recently updated are forgotten first.
   * @default 100000
   */
  readonly maxEntries?: number
  /** The clock, in ms since the epoch. @default Date.now */
  readonly now?: () => number
}

/** Options of {@link createMemoryQuotaStore}. */
export interface MemoryQuotaStoreOptions {
  /** The clock, in ms since the epoch. @default Date.now */
  readonly now?: () => number
}

/** How many writes between two sweeps of expired entries: amortises the sweep to O(1) a write. */
const SWEEP_EVERY = 256

/**
 * An in-memory {@link QuotaStore}: one counter per token, forgotten once the token expires.
 *
 * @example
 * const proxy = createProxy({ ..., quotaStore: createMemoryQuotaStore() })
 */
export function createMemoryQuotaStore(options: MemoryQuotaStoreOptions = {}): QuotaStore {
  assertOptions('createMemoryQuotaStore options', options, ({ now }) => [checkFunction('now', now)])
  const now = options.now ?? Date.now
  const counters = new Map<
    string,
    { count: number; keys: Set<string>; repeated: Set<string>; expiresAt: number }
  >()
  let writes = 0

  const sweep = (): void => {
    const time = now()
    for (const [key, counter] of counters) if (counter.expiresAt <= time) counters.delete(key)
  }

  return {
    async consume(charge) {
      if (++writes % SWEEP_EVERY === 0) sweep()
      let counter = counters.get(charge.key)
      if (counter === undefined || counter.expiresAt <= now()) {
        counter = { count: 0, keys: new Set(), repeated: new Set(), expiresAt: charge.expiresAt }
        counters.set(charge.key, counter)
      }
      if (charge.idempotencyKey !== undefined && counter.keys.has(charge.idempotencyKey)) {
        counter.repeated.add(charge.idempotencyKey)
        return 'repeat'
      }
      if (counter.count >= charge.limit) return 'exceeded'
      counter.count++
      if (charge.idempotencyKey !== undefined) counter.keys.add(charge.idempotencyKey)
      return 'counted'
    },
    async refund(charge) {
      const counter = counters.get(charge.key)
      if (counter === undefined) return
      if (charge.idempotencyKey !== undefined && counter.repeated.has(charge.idempotencyKey)) return
      counter.count = Math.max(0, counter.count - 1)
      if (charge.idempotencyKey !== undefined) counter.keys.delete(charge.idempotencyKey)
    },
  }
}

/**
 * An in-memory {@link MessageStore}, bounded in size and age.
 *
 * @example
 * const proxy = createProxy({ ..., messageStore: createMemoryMessageStore({ ttl: 7 * 86400 }) })
 */
export function createMemoryMessageStore(options: MemoryMessageStoreOptions = {}): MessageStore {
  assertOptions('createMemoryMessageStore options', options, ({ ttl, maxEntries, now }) => [
    checkSeconds('ttl', ttl),
    checkWholeNumber('maxEntries', maxEntries, 1),
    checkFunction('now', now),
  ])
  const ttl = options.ttl ?? 172_800
  const maxEntries = options.maxEntries ?? 100_000
  const now = options.now ?? Date.now
  // Map order is insertion order; re-inserting on every update keeps the stalest entry first.
  const byId = new Map<string, { record: MessageRecord; expiresAt: number }>()
  const idByWamid = new Map<string, string>()
  let writes = 0

  const forget = (id: string): void => {
    const entry = byId.get(id)
    if (entry === undefined) return
    byId.delete(id)
    const wamid = entry.record.providerMessageId
    if (wamid !== null && idByWamid.get(wamid) === id) idByWamid.delete(wamid)
  }

  const live = (id: string | undefined): MessageRecord | undefined => {
    if (id === undefined) return undefined
    const entry = byId.get(id)
    if (entry === undefined) return undefined
    if (entry.expiresAt <= now()) {
      forget(id)
      return undefined
    }
    return entry.record
  }

  const sweep = (): void => {
    const time = now()
    for (const [id, entry] of byId) {
      // Oldest first: the first live entry means every later one is live too.
      if (entry.expiresAt > time) break
      forget(id)
    }
  }

  return {
    async get(id) {
      return live(id)
    },
    async findByProviderId(wamid) {
      return live(idByWamid.get(wamid))
    },
    async put(record) {
      if (++writes % SWEEP_EVERY === 0) sweep()
      forget(record.id)
      byId.set(record.id, { record, expiresAt: now() + ttl * 1000 })
      if (record.providerMessageId !== null) idByWamid.set(record.providerMessageId, record.id)
      while (byId.size > maxEntries) {
        const oldest = byId.keys().next().value
        if (oldest === undefined) break
        forget(oldest)
      }
    },
  }
}
