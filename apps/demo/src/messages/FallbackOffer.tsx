/**
 * The guide's fallback for a text that failed with `outside_24h_window`: send the approved
 * `reengagement` template instead, which works outside the 24-hour window.
 */
import type { SendMessageBody } from '@kirim/core'
import { useSendMessage } from '@kirim/react'
import { describeSendProblem } from '../composer/sendProblem.ts'
import type { OnSent, SentEntry } from './sent.ts'

export interface FallbackOfferProps {
  readonly failed: SentEntry
  /** The fallback already sent for it, if any. */
  readonly sentFallback: SentEntry | undefined
  readonly onSent: OnSent
}

export function FallbackOffer({ failed, sentFallback, onSent }: FallbackOfferProps) {
  const send = useSendMessage()
  if (sentFallback !== undefined) {
    return (
      <p className="fallback fallback--done">
        Sent the <code>reengagement</code> template instead (<code>{sentFallback.id}</code>).
      </p>
    )
  }
  const body: SendMessageBody = {
    ...(failed.body.from === undefined ? {} : { from: failed.body.from }),
    to: failed.body.to,
    type: 'template',
    template: { name: 'reengagement', language: 'id_ID' },
  }
  const problem = send.error === null ? undefined : describeSendProblem(send.error)
  return (
    <div className="fallback">
      <p className="fallback__text">
        The customer has not written in 24 hours, so only a template can reach them.
      </p>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={send.isPending}
        onClick={() =>
          send.mutate(body, {
            onSuccess: (message) =>
              onSent({ id: message.id, body, sentAt: Date.now(), fallbackFor: failed.id }),
          })
        }
      >
        {send.isPending ? 'Sending…' : 'Send the reengagement template instead'}
      </button>
      {problem === undefined ? null : (
        <p className="fallback__error" role="alert">
          {problem.title}: {problem.message}
        </p>
      )}
    </div>
  )
}
