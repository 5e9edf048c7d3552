/**
 * Emulator mode only: the customer's phone. It shows what reached the customer, lets you reply as
 * them (which opens the 24-hour window and makes the emulator send a `message.received` webhook),
 * answer a list by choosing a row (`list_reply`) or tap a reply button (`button_reply`), and says
 * what the emulator knows of the window between the customer and the business number.
 */
import type { InteractiveReply } from '@kirim/core/webhooks'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import type { DemoPageConfig, FeedFrame } from '../../shared/protocol.ts'
import { type CustomerMessage, sendAsCustomer } from '../api/emulator.ts'
import { useWindowView } from '../conversations/useWindowView.ts'
import { WindowNote } from '../conversations/WindowNote.tsx'
import { windowKeys } from '../conversations/windowQuery.ts'
import { newestFirst } from '../messages/feedOrder.ts'
import { NumberSelect } from '../ui/NumberSelect.tsx'
import { isAnswered } from './answered.ts'
import { ChatBubble, CustomerBubble } from './ChatBubble.tsx'
import type { Conversation } from './conversation.ts'

type SentFrame = Extract<FeedFrame, { kind: 'sent' }>
type ReceivedFrame = Extract<FeedFrame, { kind: 'received' }>

export interface CustomerPanelProps {
  readonly config: DemoPageConfig
  readonly conversation: Conversation
  readonly onConversationChange: (conversation: Conversation) => void
  readonly sent: readonly SentFrame[]
  readonly received: readonly ReceivedFrame[]
}

export function CustomerPanel({
  config,
  conversation,
  onConversationChange,
  sent,
  received,
}: CustomerPanelProps) {
  const { customer, business } = conversation
  const [draft, setDraft] = useState('')
  const customerId = useId()
  const businessId = useId()
  const replyId = useId()
  const queryClient = useQueryClient()
  const window = useWindowView({ config, customer, business, received })

  const between = (from: string | undefined, to: string | undefined) =>
    from === undefined || to === undefined || from === to
  const toCustomer = sent.filter((entry) => entry.to === customer && between(entry.from, business))
  const fromCustomer = received.filter(
    (entry) => entry.from === customer && between(entry.to, business),
  )
  const chat = [...toCustomer, ...fromCustomer].sort((a, b) => newestFirst(b, a))

  const reply = useMutation({
    mutationFn: (message: CustomerMessage) => sendAsCustomer(customer, business, message),
    // The emulator opened the window as it took the message: no need to wait for the webhook.
    onSettled: () => queryClient.invalidateQueries({ queryKey: windowKeys.customer(customer) }),
  })

  const known = new Set([...config.testRecipients.map((recipient) => recipient.number), customer])
  for (const entry of sent) known.add(entry.to)
  const label = (number: string) =>
    config.testRecipients.find((recipient) => recipient.number === number)?.label

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (draft.trim() === '') return
    reply.mutate({ text: draft }, { onSuccess: () => setDraft('') })
  }
  const choose = (interactive: InteractiveReply) => reply.mutate({ interactive })

  return (
    <section className="card customer" aria-labelledby="customer-title">
      <header className="card__header">
        <div>
          <h2 className="card__title" id="customer-title">
            Customer
          </h2>
          <p className="card__subtitle">
            Play the customer on the emulator: reply, pick a row of a list, or tap a reply button.
          </p>
        </div>
      </header>
      <div className="customer__picker">
        <div className="customer__select">
          <label className="field__label" htmlFor={customerId}>
            Customer’s number
          </label>
          <select
            id={customerId}
            className="input input--select"
            value={customer}
            onChange={(event) => {
              reply.reset()
              onConversationChange({ customer: event.target.value, business })
            }}
          >
            {[...known].map((number) => (
              <option key={number} value={number}>
                {number}
                {label(number) === undefined ? '' : ` · ${label(number)}`}
              </option>
            ))}
          </select>
        </div>
        {config.numbers.length > 1 ? (
          <div className="customer__select">
            <label className="field__label" htmlFor={businessId}>
              Writes to
            </label>
            <NumberSelect
              id={businessId}
              numbers={config.numbers}
              value={business}
              onChange={(number) => {
                reply.reset()
                onConversationChange({ customer, business: number })
              }}
            />
          </div>
        ) : null}
      </div>
      <div className="phone">
        <div className="phone__bar">
          <span className="phone__avatar" aria-hidden="true">
            K
          </span>
          <span>
            <span className="phone__name">Your business</span>
            <span className="phone__number">{business ?? 'no number'}</span>
          </span>
        </div>
        <ol className="phone__chat" aria-label={`Conversation of ${customer}`}>
          {chat.length === 0 ? (
            <li className="phone__empty">Nothing here yet. Send this customer a message.</li>
          ) : (
            chat.map((entry) =>
              entry.kind === 'sent' ? (
                <ChatBubble
                  key={entry.id}
                  entry={entry}
                  answered={isAnswered(entry, received)}
                  choosing={reply.isPending}
                  onChoose={choose}
                />
              ) : (
                <CustomerBubble key={entry.id} entry={entry} />
              ),
            )
          )}
        </ol>
        <form className="phone__reply" onSubmit={submit}>
          <label className="visually-hidden" htmlFor={replyId}>
            Reply as {customer}
          </label>
          <input
            id={replyId}
            className="input phone__input"
            placeholder={`Reply as ${customer}`}
            autoComplete="off"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
          <button
            type="submit"
            className="button button--primary phone__send"
            disabled={reply.isPending || draft.trim() === ''}
          >
            Reply
          </button>
        </form>
      </div>
      {reply.isError ? (
        <p className="customer__note customer__note--error" role="alert">
          {reply.error.message}
        </p>
      ) : null}
      <p className="customer__note customer__window" role="status">
        <WindowNote view={window} customer={customer} business={business} />
      </p>
    </section>
  )
}
