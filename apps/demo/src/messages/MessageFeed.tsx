/** The live list: what this page sent (newest first), with the customers' replies in between. */
import type { InboxItem } from '../api/useInbox.ts'
import { InboundCard } from './InboundCard.tsx'
import { SentMessageCard } from './SentMessageCard.tsx'
import type { OnSent, SentEntry } from './sent.ts'

export interface MessageFeedProps {
  readonly sent: readonly SentEntry[]
  readonly inbox: readonly InboxItem[]
  readonly liveStatus: boolean
  readonly onSent: OnSent
}

type Item =
  | { readonly kind: 'sent'; readonly at: number; readonly entry: SentEntry }
  | { readonly kind: 'inbound'; readonly at: number; readonly entry: InboxItem }

export function MessageFeed({ sent, inbox, liveStatus, onSent }: MessageFeedProps) {
  const items: Item[] = [
    ...sent.map((entry): Item => ({ kind: 'sent', at: entry.sentAt, entry })),
    ...inbox.map((entry): Item => ({ kind: 'inbound', at: entry.arrivedAt, entry })),
  ].sort((a, b) => b.at - a.at)
  const fallbacks = new Map(
    sent.flatMap((entry) =>
      entry.fallbackFor === undefined ? [] : [[entry.fallbackFor, entry] as const],
    ),
  )
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
            <em>read</em> here as webhooks arrive.
          </p>
        </div>
      ) : (
        <ul className="feed__list">
          {items.map((item) =>
            item.kind === 'sent' ? (
              <SentMessageCard
                key={item.entry.id}
                entry={item.entry}
                fallback={fallbacks.get(item.entry.id)}
                onSent={onSent}
              />
            ) : (
              <InboundCard key={item.entry.id} entry={item.entry} />
            ),
          )}
        </ul>
      )}
    </section>
  )
}
