import type { Kirim, Message } from '@kirim/core'
import type { QueryCacheNotifyEvent, QueryClient } from '@tanstack/react-query'
import { kirimKeys } from '../keys/kirimKeys.ts'
import {
  applyStatusUpdate,
  isSettledMessage,
  isStatusAdvance,
  type StatusUpdate,
} from '../messages/mergeStatus.ts'
import { EventStreamParser, type ServerSentEvent } from './EventStreamParser.ts'
import { parseStatusEvent } from './parseStatusEvent.ts'
import { proxyTokenSource } from './proxyTokenSource.ts'

/**
 * Where the shared connection is:
 * - `idle`: nobody subscribes, no connection.
 * - `connecting`: the first connection of a session is being opened.
 * - `open`: events flow; every status change reaches the cache.
 * - `reconnecting`: the connection dropped (or could not open); the next attempt is scheduled.
 * - `failed`: the proxy refused the stream for good (403, 404, not an event stream): hooks poll.
 */
export type StreamState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'failed'

/**
 * Gets the bearer token of the next connection. `rejected` is the token the proxy just refused
 * (401, or `token_expired`), so a cache can drop it and mint a new one; `signal` fires when the
 * connection attempt is abandoned.
 */
export type TokenSource = (
  rejected: string | undefined,
  signal: AbortSignal,
) => Promise<string | null | undefined>

/** What `StatusStream` needs, with every default filled in but the token. */
export interface StatusStreamOptions {
  readonly url: string
  /**
   * `undefined`: the client's own token (`client.token()`), or, for a client without one (an API
   * key), a token from the proxy's token route beside `url` (see `proxyTokenSource`).
   */
  readonly token: TokenSource | undefined
  /** The provider's client, whose token the stream shares unless `token` is given. */
  readonly client: Pick<Kirim, 'token'> | undefined
  readonly fetch: typeof fetch | undefined
  readonly retryDelay: (attempt: number, serverRetry: number) => number
  readonly heartbeatTimeout: number
}

interface Attempt {
  /** Whether the proxy answered with an event stream. */
  readonly opened: boolean
  /** Whether to stop reconnecting: the proxy will never serve this stream. */
  readonly permanent?: boolean
  /** Whether the token expired: reconnect at once with a fresh one. */
  readonly expired?: boolean
}

// The stash of latest updates bridges events that arrive before their message is in the cache
// (an event can overtake the send's own response); bounded, oldest forgotten first.
const MAX_REMEMBERED = 500

// Statuses on which retrying the same request cannot succeed; 401, 408, 429 and 5xx can.
const isPermanentRefusal = (status: number): boolean =>
  status === 204 ||
  (status >= 400 && status < 500 && status !== 401 && status !== 408 && status !== 429)

const isEventStream = (response: Response): boolean =>
  (response.headers.get('content-type') ?? '').toLowerCase().startsWith('text/event-stream')

const messageIdOf = (queryKey: readonly unknown[]): string | undefined =>
  queryKey.length === 3 &&
  queryKey[0] === kirimKeys.all[0] &&
  queryKey[1] === 'messages' &&
  typeof queryKey[2] === 'string'
    ? queryKey[2]
    : undefined

const errorCodeOf = (data: string): unknown => {
  try {
    const value: unknown = JSON.parse(data)
    return typeof value === 'object' && value !== null
      ? (value as { code?: unknown }).code
      : undefined
  } catch {
    return undefined
  }
}

// Frees the connection of an answer we will not read; a body that cannot be cancelled is moot.
const discard = async (response: Response): Promise<void> => {
  try {
    await response.body?.cancel()
  } catch {}
}

const wait = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done, { once: true })
  })

/**
 * One connection to the proxy's status event stream, shared by every hook under a
 * `KirimProvider`: reference-counted (opened by the first subscriber, closed when the last one
 * leaves), reconnecting with backoff and `Last-Event-ID`, writing each status change into the
 * query cache so that a status never moves backwards.
 *
 * Nothing happens until `retain` is called, so building one during a server render is free.
 */
export class StatusStream {
  readonly #queryClient: QueryClient
  #options: StatusStreamOptions
  #refs = 0
  readonly #watched = new Map<string, number>()
  #state: StreamState = 'idle'
  readonly #listeners = new Set<() => void>()
  #session: AbortController | undefined
  #stopListening: (() => void) | undefined
  #lastEventId = ''
  #serverRetry = 3000
  #coveredSince: number | undefined
  readonly #latest = new Map<string, StatusUpdate>()
  // Lives as long as the stream (its URL is fixed), so its cached token survives re-renders.
  readonly #proxyToken: TokenSource

  constructor(queryClient: QueryClient, options: StatusStreamOptions) {
    this.#queryClient = queryClient
    this.#options = options
    this.#proxyToken = proxyTokenSource(options.url, (input, init) =>
      (this.#options.fetch ?? globalThis.fetch)(input, init),
    )
  }

  // The client's token when it has one: one token (and one refresh) for the calls and the
  // stream. An API-key client has none to share (the key must never reach the stream), so the
  // stream mints its own at the proxy.
  readonly #defaultToken: TokenSource = async (rejected, signal) =>
    (await this.#options.client?.token({ signal, rejected })) ?? this.#proxyToken(rejected, signal)

  /** Replaces the options; the next connection uses them (the URL is fixed per stream). */
  setOptions(options: StatusStreamOptions): void {
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
    this.#refs++
    if (this.#session === undefined) this.#start()
    let released = false
    return () => {
      if (released) return
      released = true
      this.#refs--
      if (this.#refs === 0) {
        queueMicrotask(() => {
          if (this.#refs === 0) this.#stop()
        })
      }
    }
  }

  /** `retain`, and marks message `id` as watched, so a reconnection that left a gap refetches it. */
  watch(id: string): () => void {
    const release = this.retain()
    this.#watched.set(id, (this.#watched.get(id) ?? 0) + 1)
    let released = false
    return () => {
      if (released) return
      released = true
      const count = (this.#watched.get(id) ?? 1) - 1
      if (count === 0) this.#watched.delete(id)
      else this.#watched.set(id, count)
      release()
    }
  }

  #setState(state: StreamState): void {
    if (this.#state === state) return
    this.#state = state
    for (const listener of [...this.#listeners]) listener()
  }

  #start(): void {
    const session = new AbortController()
    this.#session = session
    this.#stopListening = this.#queryClient.getQueryCache().subscribe(this.#onCacheEvent)
    this.#setState('connecting')
    void this.#run(session.signal)
  }

  #stop(): void {
    this.#session?.abort()
    this.#session = undefined
    this.#stopListening?.()
    this.#stopListening = undefined
    // A later session may run under another token (another subject): its ids mean nothing there.
    this.#lastEventId = ''
    this.#coveredSince = undefined
    this.#latest.clear()
    this.#setState('idle')
  }

  async #run(signal: AbortSignal): Promise<void> {
    let failures = 0
    let rejected: string | undefined
    let expiredBefore = false
    while (!signal.aborted) {
      const attempt = await this.#connect(signal, rejected, (token) => {
        rejected = token
      })
      if (signal.aborted) return
      if (attempt.permanent === true) {
        this.#setState('failed')
        return
      }
      this.#setState('reconnecting')
      if (attempt.opened) failures = 0
      // A fresh token is worth an immediate try, but only once in a row: a proxy that keeps
      // expiring the new token gets the usual backoff instead of a tight loop.
      const immediate = attempt.expired === true && !expiredBefore
      expiredBefore = attempt.expired === true
      await wait(immediate ? 0 : this.#options.retryDelay(failures++, this.#serverRetry), signal)
    }
  }

  /** One connection, from the token to the end of the stream. Never rejects. */
  async #connect(
    session: AbortSignal,
    rejected: string | undefined,
    reject: (token: string | undefined) => void,
  ): Promise<Attempt> {
    const options = this.#options
    const controller = new AbortController()
    const abort = () => controller.abort(session.reason)
    session.addEventListener('abort', abort, { once: true })
    let watchdog: ReturnType<typeof setTimeout> | undefined
    const arm = () => {
      clearTimeout(watchdog)
      watchdog = setTimeout(() => controller.abort(), options.heartbeatTimeout)
    }
    let opened = false
    let token: string | null | undefined
    try {
      arm()
      token = await (options.token ?? this.#defaultToken)(rejected, controller.signal)
      reject(undefined)
      const headers = new Headers({ accept: 'text/event-stream' })
      if (token) headers.set('authorization', `Bearer ${token}`)
      const resumed = this.#lastEventId !== ''
      if (resumed) headers.set('last-event-id', this.#lastEventId)
      const response = await (options.fetch ?? globalThis.fetch)(options.url, {
        headers,
        cache: 'no-store',
        signal: controller.signal,
      })
      if (!response.ok || !isEventStream(response) || response.body === null) {
        await discard(response)
        if (response.status === 401) reject(token ?? undefined)
        // A 2xx that is not an event stream is a wrong URL (an app's HTML page): permanent too.
        return { opened: false, permanent: response.ok || isPermanentRefusal(response.status) }
      }
      opened = true
      arm()
      this.#onOpen(resumed)
      let expired = false
      const parser = new EventStreamParser(
        {
          onEvent: (event) => {
            this.#lastEventId = event.lastEventId
            if (this.#onEvent(event) === 'expired') expired = true
          },
          onRetry: (milliseconds) => {
            this.#serverRetry = milliseconds
          },
        },
        this.#lastEventId,
      )
      const reader = response.body.getReader()
      const decoder = new TextDecoder()
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        arm()
        parser.feed(decoder.decode(value, { stream: true }))
        if (expired) {
          reject(token ?? undefined)
          await reader.cancel().catch(() => {})
          return { opened, expired }
        }
      }
      return { opened }
    } catch {
      return { opened }
    } finally {
      clearTimeout(watchdog)
      session.removeEventListener('abort', abort)
      controller.abort()
    }
  }

  #onOpen(resumed: boolean): void {
    this.#setState('open')
    // With Last-Event-ID the proxy replays what was missed; without it, the gap is unknown.
    if (resumed && this.#coveredSince !== undefined) return
    const coveredSince = Date.now()
    this.#coveredSince = coveredSince
    for (const id of this.#watched.keys()) {
      const query = this.#queryClient
        .getQueryCache()
        .find<Message>({ queryKey: kirimKeys.message(id), exact: true })
      if (query === undefined || isSettledMessage(query.state.data)) continue
      if (query.state.dataUpdatedAt >= coveredSince) continue
      void this.#queryClient
        .refetchQueries({ queryKey: kirimKeys.message(id), exact: true }, { cancelRefetch: false })
        .catch(() => {})
    }
  }

  #onEvent(event: ServerSentEvent): 'expired' | undefined {
    if (event.type === 'message.status') {
      const update = parseStatusEvent(event.data)
      if (update !== undefined) this.#remember(update)
      return undefined
    }
    if (event.type === 'error' && errorCodeOf(event.data) === 'token_expired') return 'expired'
    return undefined
  }

  #remember(update: StatusUpdate): void {
    const known = this.#latest.get(update.id)
    if (known === undefined || isStatusAdvance(known.status, update.status)) {
      this.#latest.delete(update.id)
      this.#latest.set(update.id, update)
      if (this.#latest.size > MAX_REMEMBERED) {
        const oldest = this.#latest.keys().next()
        if (oldest.done !== true) this.#latest.delete(oldest.value)
      }
    }
    this.#write(update.id)
  }

  /** Applies the latest known update of `id` to its cached message, if it moves it forward. */
  #write(id: string): void {
    const update = this.#latest.get(id)
    if (update === undefined) return
    const queryKey = kirimKeys.message(id)
    const current = this.#queryClient.getQueryData<Message>(queryKey)
    if (current === undefined) return
    const next = applyStatusUpdate(current, update)
    if (next !== current) this.#queryClient.setQueryData<Message>(queryKey, next)
  }

  // A message that lands in the cache after its event (seeded by a send, or fetched) catches up.
  #onCacheEvent = (event: QueryCacheNotifyEvent): void => {
    if (event.type !== 'updated' || event.action.type !== 'success') return
    const id = messageIdOf(event.query.queryKey)
    if (id !== undefined && this.#latest.has(id)) this.#write(id)
  }
}
