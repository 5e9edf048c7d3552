import type { MetaInboundMessage, MetaInboundMessageType, WebhookEvent } from './events.ts'
import { toE164, unixToDate } from './whatsappValues.ts'

/** The row a customer chose in a list, or the reply button they tapped. */
export interface InteractiveReply {
  readonly type: 'list_reply' | 'button_reply'
  /** The `id` you gave the row or button when sending. */
  readonly id: string
  readonly title: string
  /** The row's description (list replies only). */
  readonly description?: string
}

/** One message a customer sent you, flattened out of Meta's webhook JSON. */
export interface InboundMessage {
  /** Meta's message id (`wamid.…`). */
  readonly wamid: string
  /** The customer, E.164 with a leading `+`: the `to` for your reply. */
  readonly from: string
  /** When the customer sent it, by Meta's clock. */
  readonly timestamp: Date
  readonly type: MetaInboundMessageType
  /** The text of a `text` message. */
  readonly text?: string
  /** The choice in a list (`list_reply`) or reply-button (`button_reply`) message. */
  readonly interactive?: InteractiveReply
  /** A template's quick-reply button tapped (`type: "button"`). */
  readonly button?: { readonly text: string; readonly payload?: string }
  /** The `wamid` of your message this one replies to (or whose button was tapped). */
  readonly inReplyTo?: string
  /** The customer's WhatsApp profile name, when Meta sent it. */
  readonly profileName?: string
  /** The id of your business phone number that received it. */
  readonly phoneNumberId: string
  /** The message exactly as Meta sent it: media, location, reactions and any other type. */
  readonly raw: MetaInboundMessage
}

function interactiveReply(message: MetaInboundMessage): InteractiveReply | undefined {
  const interactive = message.interactive
  if (interactive?.type === 'list_reply' && interactive.list_reply) {
    const { id, title, description } = interactive.list_reply
    return { type: 'list_reply', id, title, ...(description === undefined ? {} : { description }) }
  }
  if (interactive?.type === 'button_reply' && interactive.button_reply) {
    const { id, title } = interactive.button_reply
    return { type: 'button_reply', id, title }
  }
  return undefined
}

/**
 * The customer messages carried by a `message.received` event, flattened: one entry per
 * message, with list and button replies as `interactive`. Any other event gives `[]`.
 *
 * @example
 * for (const message of inboundMessages(event)) {
 *   if (message.interactive?.id === 'confirm_order') await confirm(message.inReplyTo)
 *   else if (message.text) await kirim.messages.send({ to: message.from, type: 'text', text: { body: 'Thanks!' } })
 * }
 */
export function inboundMessages(event: WebhookEvent): InboundMessage[] {
  if (event.type !== 'message.status' && event.type !== 'message.received') return []
  const messages: InboundMessage[] = []
  for (const entry of event.data.entry) {
    for (const change of entry.changes) {
      const { metadata, contacts = [], messages: received = [] } = change.value
      for (const message of received) {
        // Meta lists the senders beside the messages; with a single sender it may be the only
        // contact even when its wa_id is written differently from the message's `from`.
        const contact =
          contacts.find((candidate) => candidate.wa_id === message.from) ??
          (contacts.length === 1 ? contacts[0] : undefined)
        const interactive = interactiveReply(message)
        const profileName = contact?.profile?.name
        const inReplyTo = message.context?.id
        messages.push({
          wamid: message.id,
          from: toE164(message.from),
          timestamp: unixToDate(message.timestamp),
          type: message.type,
          ...(message.text === undefined ? {} : { text: message.text.body }),
          ...(interactive === undefined ? {} : { interactive }),
          ...(message.button === undefined
            ? {}
            : {
                button: {
                  text: message.button.text,
                  ...(message.button.payload === undefined
                    ? {}
                    : { payload: message.button.payload }),
                },
              }),
          ...(inReplyTo === undefined ? {} : { inReplyTo }),
          ...(profileName === undefined ? {} : { profileName }),
          phoneNumberId: metadata.phone_number_id,
          raw: message,
        })
      }
    }
  }
  return messages
}
