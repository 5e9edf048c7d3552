/**
 * One sent message, live: `useMessageStatus` moves its chip as the proxy's event stream reports
 * webhooks (pending → sent → delivered → read), and a failure shows its error code, with the
 * template fallback when the 24-hour window was closed.
 */
import { useMessageStatus } from '@kirim/react'
import type { SentEntry } from '../../shared/protocol.ts'
import { timeOfDay } from '../ui/clock.ts'
import { FallbackOffer } from './FallbackOffer.tsx'
import type { OnSent } from './onSent.ts'
import { StatusChip, StatusTrack } from './StatusChip.tsx'
import { summarize } from './summary.ts'

export interface SentMessageCardProps {
  readonly entry: SentEntry
  /** The fallback sent for this message, if any. */
  readonly fallback: SentEntry | undefined
  readonly onSent: OnSent
}

export function SentMessageCard({ entry, fallback, onSent }: SentMessageCardProps) {
  const { data: message, error } = useMessageStatus(entry.id)
  const status = message?.status ?? 'pending'
  const summary = summarize(entry.body)
  const failure = message?.status === 'failed' ? message.error : undefined
  const offerFallback = failure?.code === 'outside_24h_window' && entry.body.type === 'text'
  return (
    <li className={`message message--${status}`} data-message-id={entry.id} data-status={status}>
      <div className="message__head">
        <span className="badge">{summary.kind}</span>
        <span className="message__to">
          to <strong>{entry.to}</strong>
          {entry.from === undefined ? null : (
            <span className="message__from"> from {entry.from}</span>
          )}
        </span>
        <StatusChip status={status} />
      </div>
      <p className="message__text">{summary.text}</p>
      {summary.detail === undefined ? null : <p className="message__detail">{summary.detail}</p>}
      {status === 'failed' ? null : <StatusTrack status={status} />}
      {failure == null ? null : (
        <div className="message__failure">
          <code className="code-pill code-pill--error">{failure.code}</code>
          <span>{failure.message}</span>
        </div>
      )}
      {offerFallback ? (
        <FallbackOffer failed={entry} sentFallback={fallback} onSent={onSent} />
      ) : null}
      {error === null ? null : (
        <p className="message__warning">Could not refresh the status: {error.message}</p>
      )}
      <p className="message__meta">
        <code>{entry.id}</code>
        <span aria-hidden="true"> · </span>
        <time dateTime={entry.createdAt}>{timeOfDay.format(new Date(entry.createdAt))}</time>
        {entry.fallbackFor === undefined ? null : (
          <>
            <span aria-hidden="true"> · </span>fallback for <code>{entry.fallbackFor}</code>
          </>
        )}
      </p>
    </li>
  )
}
