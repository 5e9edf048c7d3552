/**
 * The guide's fallback for a text that failed with `outside_24h_window`: send the approved
 * `reengagement` template instead, which works outside the 24-hour window. The session's feed
 * is told which message it replaced, so the link survives a reload.
 */
import type { SendMessageBody } from '@kirim/core'
import { useSendMessage } from '@kirim/react'
import { useMutation } from '@tanstack/react-query'
import type { SentEntry } from '../../shared/protocol.ts'
import { linkFallback } from '../api/fallbacks.ts'
import { describeSendProblem } from '../composer/sendProblem.ts'
import type { OnSent } from './onSent.ts'

export interface FallbackOfferProps {
  readonly failed: SentEntry
  /** The fallback already sent for it, if any. */
  readonly sentFallback: SentEntry | undefined
  readonly onSent: OnSent
}

export function FallbackOffer({ failed, sentFallback, onSent }: FallbackOfferProps) {
  const send = useSendMessage()
  const link = useMutation({ mutationFn: linkFallback })
  if (sentFallback !== undefined) {
    return (
      <p className="fallback fallback--done">
        Sent the <code>reengagement</code> template instead (<code>{sentFallback.id}</code>).
      </p>
    )
  }
  // From the number the text failed from: the window is per business number.
  const body: SendMessageBody = {
    ...(failed.from === undefined ? {} : { from: failed.from }),
    to: failed.to,
    type: 'template',
    template: { name: 'reengagement', language: 'id_ID' },
  }
  const problem =
    send.error !== null
      ? describeSendProblem(send.error)
      : link.error !== null
        ? { title: 'Sent, but not linked to this message', message: link.error.message }
        : undefined
  // Once the template is sent, the feed's update (not another click) finishes the offer.
  const busy = send.isPending || link.isPending || link.isSuccess
  return (
    <div className="fallback">
      <p className="fallback__text">
        The customer has not written in 24 hours, so only a template can reach them.
      </p>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={busy}
        onClick={() => {
          // A template already sent is linked again, never sent twice.
          if (send.data !== undefined) link.mutate({ failed: failed.id, fallback: send.data.id })
          else {
            send.mutate(body, {
              onSuccess: (message) => {
                onSent(message, body)
                link.mutate({ failed: failed.id, fallback: message.id })
              },
            })
          }
        }}
      >
        {busy
          ? 'Sending…'
          : send.data === undefined
            ? 'Send the reengagement template instead'
            : 'Link the template to this message again'}
      </button>
      {problem === undefined ? null : (
        <p className="fallback__error" role="alert">
          {problem.title}: {problem.message}
        </p>
      )}
    </div>
  )
}
