import type { QueryClient } from '@tanstack/react-query'
import type { EventSourceMessage } from 'eventsource-parser'
import type { ConnectionOptions } from './ConnectionOptions.ts'
import { type ConnectionState, keepConnected } from './keepConnected.ts'
import { parseStatusEvent } from './parseStatusEvent.ts'
import { StatusCache } from './StatusCache.ts'
import { Subscribers } from './Subscribers.ts'

/** The stream's state: `idle` while nobody subscribes (no connection), else its connection's. */
export type StreamState = 'idle' | ConnectionState

/**
 * The proxy's status event stream, shared by every hook under a `KirimProvider`: one
 * connection, opened by the first subscriber and closed when the last one leaves
 * ({@link Subscribers}), kept up with backoff and `Last-Event-ID` ({@link keepConnected}), each
 * status change written into the query cache without ever moving a status backwards
 * ({@link StatusCache}).
 *
 * Nothing happens until `retain` is called, so building one during a server render is free.
 */
export class StatusStream {
  #options: ConnectionOptions
  #state: StreamState = 'idle'
  readonly #listeners = new Set<() => void>()
  readonly #cache: StatusCache
  readonly #subscribers = new Subscribers(
    () => this.#start(),
    () => this.#stop(),
  )
  #session: AbortController | undefined
  #coveredSince: number | undefined

  constructor(queryClient: QueryClient, options: ConnectionOptions) {
    this.#cache = new StatusCache(queryClient)
    this.#options = options
  }

  /** Replaces the options; the next connection uses them (the URL is fixed per stream). */
  setOptions(options: ConnectionOptions): void {
    this.#options = options
  }

  /** The connection's state, for `useSyncExternalStore`. */
  getState = (): StreamState => this.#state

  /** Calls `listener` whenever `getState()` changes; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /**
   * Whether data written at `dataUpdatedAt` (ms since the epoch) is still current: the stream
   * has been listening, without a gap, since before it was written.
   */
  isCovered(dataUpdatedAt: number): boolean {
    return this.#coveredSince !== undefined && dataUpdatedAt >= this.#coveredSince
  }

  /**
   * Holds the connection open (opening it if needed) until the returned function is called.
   * The connection closes when the last holder lets go (after a microtask, so that a component
   * remounting at once, as under `StrictMode`, keeps it).
   */
  retain(): () => void {
    return this.#subscribers.hold()
  }

  /** `retain`, and marks message `id` as watched, so a reconnection that left a gap refetches it. */
  watch(id: string): () => void {
    return this.#subscribers.watch(id)
  }

  #setState(state: StreamState): void {
    if (this.#state === state) return
    this.#state = state
    for (const listener of [...this.#listeners]) listener()
  }

  #start(): void {
    const session = new AbortController()
    this.#session = session
    this.#cache.listen()
    void keepConnected(() => this.#options, session.signal, {
      onState: (state) => this.#setState(state),
      onOpen: (resumed) => this.#onOpen(resumed),
      onEvent: (event) => this.#onEvent(event),
    })
  }

  #stop(): void {
    this.#session?.abort()
    this.#session = undefined
    this.#coveredSince = undefined
    this.#cache.stop()
    this.#setState('idle')
  }

  #onOpen(resumed: boolean): void {
    // With Last-Event-ID the proxy replays what was missed; without it, the gap is unknown.
    if (resumed && this.#coveredSince !== undefined) return
    const coveredSince = Date.now()
    this.#coveredSince = coveredSince
    this.#cache.refetchOlderThan(this.#subscribers.watched(), coveredSince)
  }

  #onEvent(event: EventSourceMessage): void {
    if (event.event !== 'message.status') return
    const update = parseStatusEvent(event.data)
    if (update !== undefined) this.#cache.write(update)
  }
}
