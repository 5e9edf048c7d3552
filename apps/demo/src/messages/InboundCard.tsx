/** A customer message from a verified `message.received` webhook. */
import type { ReceivedEntry } from '../../shared/protocol.ts'
import { timeOfDay } from '../ui/clock.ts'

export function InboundCard({ entry }: { readonly entry: ReceivedEntry }) {
  return (
    <li className="message message--inbound" data-inbound-id={entry.id}>
      <div className="message__head">
        <span className="badge badge--inbound">Received</span>
        <span className="message__to">
          from <strong>{entry.from}</strong>
          {entry.to === undefined ? null : <span className="message__from"> to {entry.to}</span>}
        </span>
        <code className="code-pill">message.received</code>
      </div>
      {entry.interactive === undefined ? (
        <p className="message__text">{entry.text ?? `A ${entry.type} message`}</p>
      ) : (
        <p className="message__text">
          <span className="reply-kind">{entry.interactive.type}</span> {entry.interactive.title}{' '}
          <code className="message__reply-id">id: {entry.interactive.id}</code>
        </p>
      )}
      <p className="message__meta">
        <code>{entry.id}</code>
        <span aria-hidden="true"> · </span>
        <time dateTime={entry.receivedAt}>{timeOfDay.format(new Date(entry.receivedAt))}</time>
        <span aria-hidden="true"> · </span>opens the 24-hour window
      </p>
    </li>
  )
}
