import { ValidationError } from '../errors/ValidationError.ts'
import { assertOptions, checkMethods, checkSeconds, issue } from '../internal/checkOptions.ts'
import { createMemoryDedupeStore } from './createMemoryDedupeStore.ts'
import type { DedupeStore } from './DedupeStore.ts'

/** Options of {@link createWebhookDeduper}. */
export interface WebhookDeduperOptions {
  /**
   * Where seen ids are kept.
   * @default createMemoryDedupeStore()
   */
  readonly store?: DedupeStore
  /**
   * How long, in seconds, an id is remembered.
   * @default 108_000 (30 hours: Kirim retries for up to 24 h ± 20 %)
   */
  readonly ttl?: number
}

/** Answers whether an event was already handled. */
export interface WebhookDeduper {
  /**
   * Records `eventId` and resolves whether it had been recorded before (within `ttl`):
   * `false` the first time, `true` for every repeat.
   */
  seen(eventId: string): Promise<boolean>
  /** Forgets `eventId`: call it when handling failed, so that Kirim's retry is handled. */
  forget(eventId: string): Promise<void>
}

function checkEventId(eventId: string): void {
  if (typeof eventId !== 'string' || eventId === '') {
    throw new ValidationError(
      [issue('eventId', 'must be a non-empty string (use event.id)')],
      'event id',
    )
  }
}

/**
 * Kirim delivers each event **at least once**: a retry after a timeout, a lost response or a
 * network error repeats an event you may already have handled, with the same `event.id`
 * (`X-Kirim-Event-Id`). The deduper lets you handle each id once.
 *
 * Call `seen` after `verifyWebhook` (never before: an unverified id is anyone's), and `forget`
 * if handling then fails, so that the retry is not mistaken for a repeat. The default store is
 * in memory; deployments with several instances need a shared {@link DedupeStore}. Options that
 * break a rule throw one `ValidationError` listing each of them.
 *
 * @example
 * const deduper = createWebhookDeduper()
 *
 * const event = await verifyWebhook({ body, headers, secret })
 * if (await deduper.seen(event.id)) return new Response(null, { status: 204 })
 * try {
 *   await handle(event)
 * } catch (error) {
 *   await deduper.forget(event.id)
 *   throw error // answered with a 5xx: Kirim retries
 * }
 * return new Response(null, { status: 204 })
 */
export function createWebhookDeduper(options: WebhookDeduperOptions = {}): WebhookDeduper {
  assertOptions('createWebhookDeduper options', options, ({ store, ttl }) => [
    checkMethods('store', store, ['add', 'delete']),
    checkSeconds('ttl', ttl),
  ])
  const { store = createMemoryDedupeStore(), ttl = 108_000 } = options
  return {
    async seen(eventId) {
      checkEventId(eventId)
      return !(await store.add(eventId, ttl))
    },
    async forget(eventId) {
      checkEventId(eventId)
      await store.delete(eventId)
    },
  }
}
