/**
 * Emulator mode only: the customer's phone. It shows what reached the customer, lets you reply as
 * them (which opens the 24-hour window and makes the emulator send a `message.received` webhook)
 * and answer a list by choosing a row (an interactive `list_reply`).
 */
import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import type { DemoPageConfig } from '../../shared/protocol.ts'
import { type CustomerMessage, type InboundReceipt, sendAsCustomer } from '../api/emulator.ts'
import type { InboxItem } from '../api/useInbox.ts'
import type { SentEntry } from '../messages/sent.ts'
import { ChatBubble, CustomerBubble } from './ChatBubble.tsx'

export interface CustomerPanelProps {
  readonly config: DemoPageConfig
  readonly customer: string
  readonly onCustomerChange: (customer: string) => void
  readonly sent: readonly SentEntry[]
  readonly inbox: readonly InboxItem[]
}

const clock = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
})

export function CustomerPanel({
  config,
  customer,
  onCustomerChange,
  sent,
  inbox,
}: CustomerPanelProps) {
  const [draft, setDraft] = useState('')
  const [receipt, setReceipt] = useState<InboundReceipt | undefined>()
  // The interactive messages the customer answered (WhatsApp takes one answer per list).
  const [answered, setAnswered] = useState<ReadonlySet<string>>(new Set())
  const selectId = useId()
  const replyId = useId()

  const toCustomer = sent.filter((entry) => entry.body.to === customer)
  // The business number the customer talks to: the one that last wrote to them.
  const business = toCustomer[0]?.body.from ?? config.numbers[0]
  const fromCustomer = inbox.filter((entry) => entry.from === customer)
  const conversation = [
    ...toCustomer.map((entry) => ({ at: entry.sentAt, sent: entry, received: undefined })),
    ...fromCustomer.map((entry) => ({ at: entry.arrivedAt, sent: undefined, received: entry })),
  ].sort((a, b) => a.at - b.at)

  const reply = useMutation({
    mutationFn: (message: CustomerMessage) => sendAsCustomer(customer, business, message),
    onSuccess: (answer) => setReceipt(answer),
  })

  const known = new Set([...config.testRecipients.map((recipient) => recipient.number), customer])
  for (const entry of sent) known.add(entry.body.to)
  const label = (number: string) =>
    config.testRecipients.find((recipient) => recipient.number === number)?.label

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (draft.trim() === '') return
    reply.mutate({ text: draft }, { onSuccess: () => setDraft('') })
  }

  return (
    <section className="card customer" aria-labelledby="customer-title">
      <header className="card__header">
        <div>
          <h2 className="card__title" id="customer-title">
            Customer
          </h2>
          <p className="card__subtitle">
            Play the customer on the emulator: reply, or pick a row of a list.
          </p>
        </div>
      </header>
      <div className="customer__picker">
        <label className="field__label" htmlFor={selectId}>
          Customer’s number
        </label>
        <select
          id={selectId}
          className="input input--select"
          value={customer}
          onChange={(event) => {
            setReceipt(undefined)
            onCustomerChange(event.target.value)
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
          {conversation.length === 0 ? (
            <li className="phone__empty">Nothing here yet. Send this customer a message.</li>
          ) : (
            conversation.map(({ sent: business, received }) =>
              business !== undefined ? (
                <ChatBubble
                  key={business.id}
                  entry={business}
                  answered={answered.has(business.id)}
                  choosing={reply.isPending}
                  onChoose={(interactive) =>
                    reply.mutate(
                      { interactive },
                      {
                        onSuccess: () =>
                          setAnswered((current) => new Set(current).add(business.id)),
                      },
                    )
                  }
                />
              ) : received === undefined ? null : (
                <CustomerBubble key={received.id} entry={received} />
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
      ) : receipt === undefined ? (
        <p className="customer__note">
          A reply from the customer opens a 24-hour window for free-form messages.
        </p>
      ) : (
        <p className="customer__note customer__note--ok" role="status">
          Window open with {business} until {clock.format(new Date(receipt.window_expires_at))}.
        </p>
      )}
    </section>
  )
}
