/** The live list of this session's messages, newest first: what it sent and what customers answered. */
import type { FeedFrame, SentEntry } from '../../shared/protocol.ts'
import { newestFirst } from './feedOrder.ts'
import { InboundCard } from './InboundCard.tsx'
import type { OnSent } from './onSent.ts'
import { SentMessageCard } from './SentMessageCard.tsx'

export interface MessageFeedProps {
  readonly feed: readonly FeedFrame[]
  readonly liveStatus: boolean
  readonly onSent: OnSent
}

export function MessageFeed({ feed, liveStatus, onSent }: MessageFeedProps) {
  const items = [...feed].sort(newestFirst)
  const fallbacks = new Map<string, SentEntry>()
  for (const entry of feed) {
    if (entry.kind === 'sent' && entry.fallbackFor !== undefined) {
      fallbacks.set(entry.fallbackFor, entry)
    }
  }
  return (
    <section className="card feed" aria-labelledby="feed-title">
      <header className="card__header">
        <div>
          <h2 className="card__title" id="feed-title">
            Messages
          </h2>
          <p className="card__subtitle">
            {liveStatus
              ? 'Statuses arrive live: Kirim’s webhooks → the proxy → an event stream → useMessageStatus.'
              : 'Statuses are polled: set KIRIM_WEBHOOK_SECRET to have them pushed.'}
          </p>
        </div>
        <span className={`live${liveStatus ? '' : ' live--off'}`}>
          {liveStatus ? 'Live' : 'Polling'}
        </span>
      </header>
      {items.length === 0 ? (
        <div className="empty">
          <p className="empty__title">No messages yet</p>
          <p className="empty__text">
            Send one: its status moves <em>pending</em> → <em>sent</em> → <em>delivered</em> →{' '}
            <em>read</em> here as webhooks arrive. This feed is your session’s alone.
          </p>
        </div>
      ) : (
        <ul className="feed__list">
          {items.map((item) =>
            item.kind === 'sent' ? (
              <SentMessageCard
                key={item.id}
                entry={item}
                fallback={fallbacks.get(item.id)}
                onSent={onSent}
              />
            ) : (
              <InboundCard key={item.id} entry={item} />
            ),
          )}
        </ul>
      )}
    </section>
  )
}
