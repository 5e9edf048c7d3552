import type { Message } from '@kirim/core'
import type { QueryCacheNotifyEvent, QueryClient } from '@tanstack/react-query'
import { kirimKeys, messageIdOf } from '../keys/kirimKeys.ts'
import {
  applyStatusUpdate,
  isSettledMessage,
  isStatusAdvance,
  type StatusUpdate,
} from '../messages/mergeStatus.ts'

// Updates are stashed because an event can overtake its message: the send's own response, or
// the first fetch, lands in the cache after the event. Bounded, the oldest forgotten first.
export const MAX_STASHED = 500

/**
 * Writes the stream's status updates into the query cache, never moving a status backwards: an
 * update is applied only if it moves the cached message forward, and the latest update of each
 * message is kept until the message is in the cache, then applied as it lands.
 */
export class StatusCache {
  readonly #queryClient: QueryClient
  readonly #latest = new Map<string, StatusUpdate>()
  #unsubscribe: (() => void) | undefined

  constructor(queryClient: QueryClient) {
    this.#queryClient = queryClient
  }

  /** Starts applying stashed updates to messages as they land in the cache. */
  listen(): void {
    this.#unsubscribe ??= this.#queryClient.getQueryCache().subscribe(this.#onCacheEvent)
  }

  /** Stops listening and forgets every stashed update. */
  stop(): void {
    this.#unsubscribe?.()
    this.#unsubscribe = undefined
    this.#latest.clear()
  }

  /** Stashes `update` if it is the furthest one of its message yet, and applies it. */
  write(update: StatusUpdate): void {
    const known = this.#latest.get(update.id)
    if (known === undefined || isStatusAdvance(known.status, update.status)) {
      this.#latest.delete(update.id)
      this.#latest.set(update.id, update)
      if (this.#latest.size > MAX_STASHED) {
        const oldest = this.#latest.keys().next()
        if (oldest.done !== true) this.#latest.delete(oldest.value)
      }
    }
    this.#apply(update.id)
  }

  /**
   * Refetches (once, joining a fetch under way) each of `ids` whose cached message is not settled
   * and was written before `since`: the stream cannot replay what happened before it opened.
   */
  refetchOlderThan(ids: Iterable<string>, since: number): void {
    const queryCache = this.#queryClient.getQueryCache()
    for (const id of ids) {
      const filters = { queryKey: kirimKeys.message(id), exact: true }
      const query = queryCache.find<Message>(filters)
      if (query === undefined || isSettledMessage(query.state.data)) continue
      if (query.state.dataUpdatedAt >= since) continue
      void this.#queryClient.refetchQueries(filters, { cancelRefetch: false }).catch(() => {})
    }
  }

  #apply(id: string): void {
    const update = this.#latest.get(id)
    if (update === undefined) return
    const queryKey = kirimKeys.message(id)
    const current = this.#queryClient.getQueryData<Message>(queryKey)
    if (current === undefined) return
    const next = applyStatusUpdate(current, update)
    if (next !== current) this.#queryClient.setQueryData<Message>(queryKey, next)
  }

  readonly #onCacheEvent = (event: QueryCacheNotifyEvent): void => {
    if (event.type !== 'updated' || event.action.type !== 'success') return
    const id = messageIdOf(event.query.queryKey)
    if (id !== undefined && this.#latest.has(id)) this.#apply(id)
  }
}
