/**
 * Each session's feed: the messages it sent and the customer messages that belong to it, kept in
 * memory (bounded) and streamed to that session's pages as Server-Sent Events
 * (`GET /api/demo/feed`). A reload replays the session's feed; another session never sees it.
 */
import { FEED_EVENT, type FeedEntry, type FeedFrame } from '../shared/protocol.ts'

/** The sessions' feeds. */
export interface Feeds {
  /** Adds `entry` to the feed of `subject`; an entry with an id already there replaces it. */
  add(subject: string, entry: FeedEntry): void
  /** The entry of `subject`'s feed with this id. */
  find(subject: string, id: string): FeedEntry | undefined
  /** The SSE answer to `GET /api/demo/feed`: the feed so far, then each change. */
  stream(subject: string, request: Request): Response
  /** Ends every open stream. */
  close(): void
}

/** Options of {@link createFeeds}. */
export interface FeedsOptions {
  /** How many entries a session keeps; the oldest go first. @default 200 */
  readonly entriesPerSession?: number
  /** How many sessions are kept; the one idle longest goes first. @default 1000 */
  readonly sessions?: number
  /** How often to send a `: ping` comment, in ms. @default 15000 */
  readonly heartbeatInterval?: number
}

interface Item {
  /** The SSE id of the entry's last change. */
  readonly seq: number
  /** The SSE id of its first arrival. */
  readonly order: number
  readonly entry: FeedEntry
}

interface Feed {
  /** By id, in the order of their last change: the SSE ids rise along it. */
  readonly items: Map<string, Item>
  readonly subscribers: Set<(chunk: string) => void>
}

const encoder = new TextEncoder()

const frameText = ({ seq, order, entry }: Item): string => {
  const frame: FeedFrame = { ...entry, order }
  return `id: ${seq}\nevent: ${FEED_EVENT}\ndata: ${JSON.stringify(frame)}\n\n`
}

/** Creates empty feeds. */
export function createFeeds({
  entriesPerSession = 200,
  sessions = 1000,
  heartbeatInterval = 15_000,
}: FeedsOptions = {}): Feeds {
  // Map order is recency: a feed is moved to the end on every change.
  const feeds = new Map<string, Feed>()
  const closers = new Set<() => void>()
  // One counter for every feed: the SSE id (the position to resume after) and the entry order.
  let seq = 0

  const feedOf = (subject: string): Feed => {
    let feed = feeds.get(subject)
    if (feed === undefined) {
      feed = { items: new Map(), subscribers: new Set() }
    } else {
      feeds.delete(subject)
    }
    feeds.set(subject, feed)
    for (const [idle, stale] of feeds) {
      if (feeds.size <= sessions) break
      // A session with a page open stays, and so does the one being written to.
      if (stale.subscribers.size === 0 && idle !== subject) feeds.delete(idle)
    }
    return feed
  }

  return {
    add(subject, entry) {
      const feed = feedOf(subject)
      const known = feed.items.get(entry.id)
      seq++
      const item: Item = { seq, order: known?.order ?? seq, entry }
      feed.items.delete(entry.id)
      feed.items.set(entry.id, item)
      while (feed.items.size > entriesPerSession) {
        const oldest = feed.items.keys().next().value
        if (oldest === undefined) break
        feed.items.delete(oldest)
      }
      const text = frameText(item)
      for (const send of feed.subscribers) send(text)
    },

    find(subject, id) {
      return feeds.get(subject)?.items.get(id)?.entry
    },

    stream(subject, request) {
      const lastId = Number(
        request.headers.get('last-event-id') ??
          new URL(request.url).searchParams.get('lastEventId'),
      )
      const after = Number.isInteger(lastId) && lastId > 0 ? lastId : 0
      const feed = feedOf(subject)
      let cleanup = () => {}
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          const send = (chunk: string) => controller.enqueue(encoder.encode(chunk))
          send('retry: 3000\n\n')
          for (const item of feed.items.values()) if (item.seq > after) send(frameText(item))
          const heartbeat = setInterval(() => send(': ping\n\n'), heartbeatInterval)
          const close = () => {
            cleanup()
            try {
              controller.close()
            } catch {
              // Already cancelled by the client.
            }
          }
          cleanup = () => {
            clearInterval(heartbeat)
            feed.subscribers.delete(send)
            closers.delete(close)
            request.signal.removeEventListener('abort', close)
          }
          feed.subscribers.add(send)
          closers.add(close)
          request.signal.addEventListener('abort', close)
        },
        cancel() {
          cleanup()
        },
      })
      return new Response(body, {
        headers: {
          'Content-Type': 'text/event-stream; charset=utf-8',
          'Cache-Control': 'no-cache, no-transform',
          'X-Accel-Buffering': 'no',
        },
      })
    },

    close() {
      for (const close of [...closers]) close()
    },
  }
}
