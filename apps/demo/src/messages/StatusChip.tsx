/** A message status as a chip, and the road it travels: pending → sent → delivered → read. */
import type { MessageStatus } from '@kirim/core'

const LABELS: Readonly<Record<MessageStatus, string>> = {
  pending: 'Pending',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  failed: 'Failed',
}

const STEPS: readonly MessageStatus[] = ['pending', 'sent', 'delivered', 'read']

export function StatusChip({ status }: { readonly status: MessageStatus }) {
  return (
    <span className={`chip chip--${status}`} data-status={status}>
      <span className="chip__dot" aria-hidden="true" />
      {LABELS[status]}
    </span>
  )
}

/** The four delivery steps, the reached ones filled; a failure stops the road where it broke. */
export function StatusTrack({ status }: { readonly status: MessageStatus }) {
  const reached = status === 'failed' ? -1 : STEPS.indexOf(status)
  return (
    <ol
      className={`track${status === 'failed' ? ' track--failed' : ''}`}
      aria-label="Delivery progress"
    >
      {STEPS.map((step, index) => (
        <li
          key={step}
          className={`track__step${index <= reached ? ' track__step--done' : ''}${index === reached ? ' track__step--current' : ''}`}
          aria-current={index === reached ? 'step' : undefined}
        >
          <span className="track__dot" aria-hidden="true" />
          <span className="track__label">{LABELS[step]}</span>
        </li>
      ))}
    </ol>
  )
}
