/**
 * The chat bubbles of the customer's phone: a business message appears once it is delivered (a
 * list shows its rows to choose from, reply buttons are there to tap), and the customer's own
 * messages on the right.
 */
import type { SendMessageBody } from '@kirim/core'
import type { InteractiveReply } from '@kirim/core/webhooks'
import { useMessageStatus, useTemplates } from '@kirim/react'
import type { ReceivedEntry, SentEntry } from '../../shared/protocol.ts'
import { summarize } from '../messages/summary.ts'

const MEDIA = new Set(['image', 'document', 'video', 'audio'])

/** The text parameters of a template body, in order. */
function templateParameters(body: SendMessageBody): readonly string[] {
  if (body.type !== 'template') return []
  return (body.template.components ?? []).flatMap((component) =>
    component.type === 'body' && Array.isArray(component.parameters)
      ? component.parameters.map((parameter) =>
          'text' in parameter ? String(parameter.text) : '…',
        )
      : [],
  )
}

/** A template as the customer reads it: its body with the parameters filled in. */
function TemplateText({
  name,
  parameters,
}: {
  readonly name: string
  readonly parameters: readonly string[]
}) {
  const body = useTemplates(
    {},
    {
      select: (templates) =>
        templates
          .find((template) => template.name === name)
          ?.components.find((component) => component.type.toUpperCase() === 'BODY')?.text,
    },
  ).data
  const text = (body ?? name).replace(
    /\{\{(\d+)\}\}/g,
    (placeholder, n: string) => parameters[Number(n) - 1] ?? placeholder,
  )
  return <p className="bubble__text">{text}</p>
}

export interface ChatBubbleProps {
  readonly entry: SentEntry
  /** Whether the customer already answered this interactive message. */
  readonly answered: boolean
  readonly choosing: boolean
  readonly onChoose: (reply: InteractiveReply) => void
}

export function ChatBubble({ entry, answered, choosing, onChoose }: ChatBubbleProps) {
  const status = useMessageStatus(entry.id, { select: (message) => message.status }).data
  // Only what WhatsApp delivered is on the customer's phone.
  if (status !== 'delivered' && status !== 'read') return null
  const summary = summarize(entry.body)
  const interactive = entry.body.type === 'interactive' ? entry.body.interactive : undefined
  return (
    <li className="bubble bubble--business">
      {interactive !== undefined &&
      interactive.type !== 'cta_url' &&
      interactive.header?.type === 'text' ? (
        <p className="bubble__header">{interactive.header.text}</p>
      ) : null}
      {entry.body.type === 'template' ? (
        <TemplateText name={entry.body.template.name} parameters={templateParameters(entry.body)} />
      ) : (
        <p className="bubble__text">
          {MEDIA.has(entry.body.type) ? (
            <span className="bubble__media">{summary.kind}</span>
          ) : null}
          {summary.text}
        </p>
      )}
      {interactive?.type === 'cta_url' ? (
        <span className="bubble__button">{interactive.action.parameters.display_text}</span>
      ) : null}
      {interactive?.type === 'list' ? (
        <fieldset className="bubble__list">
          <legend className="bubble__list-title">
            {interactive.action.button}
            <span className="visually-hidden">: choose a row as the customer</span>
          </legend>
          {interactive.action.sections.flatMap((section) =>
            section.rows.map((row) => (
              <button
                key={row.id}
                type="button"
                className="bubble__row"
                disabled={answered || choosing}
                onClick={() =>
                  onChoose({
                    type: 'list_reply',
                    id: row.id,
                    title: row.title,
                    description: row.description,
                  })
                }
              >
                <span className="bubble__row-title">{row.title}</span>
                {row.description === undefined ? null : (
                  <span className="bubble__row-description">{row.description}</span>
                )}
              </button>
            )),
          )}
        </fieldset>
      ) : null}
      {interactive?.type === 'button' ? (
        <fieldset className="bubble__list bubble__list--buttons">
          <legend className="visually-hidden">Tap a reply button as the customer</legend>
          {interactive.action.buttons.map(({ reply }) => (
            <button
              key={reply.id}
              type="button"
              className="bubble__row bubble__row--button"
              disabled={answered || choosing}
              onClick={() => onChoose({ type: 'button_reply', id: reply.id, title: reply.title })}
            >
              <span className="bubble__row-title">{reply.title}</span>
            </button>
          ))}
        </fieldset>
      ) : null}
      <span className="bubble__meta">{status === 'read' ? 'Read' : 'Delivered'}</span>
    </li>
  )
}

export function CustomerBubble({ entry }: { readonly entry: ReceivedEntry }) {
  return (
    <li className="bubble bubble--customer">
      {entry.interactive === undefined ? (
        <p className="bubble__text">{entry.text ?? `(${entry.type})`}</p>
      ) : (
        <>
          <p className="bubble__text">{entry.interactive.title}</p>
          <span className="bubble__meta">
            {entry.interactive.type} · {entry.interactive.id}
          </span>
        </>
      )}
    </li>
  )
}
