/** The feed entry of a message Kirim accepted: one mapping for the server's record and the page's. */
import type { Message, SendMessageBody } from '@kirim/core'
import type { SentEntry } from './protocol.ts'

/** The fields of Kirim's Message the feed keeps. */
export type AcceptedMessage = Pick<
  Message,
  'id' | 'to' | 'from' | 'created_at' | 'provider_message_id'
>

export function toSentEntry(message: AcceptedMessage, body: SendMessageBody): SentEntry {
  return {
    kind: 'sent',
    id: message.id,
    body,
    from: message.from,
    to: message.to,
    createdAt: message.created_at,
    providerMessageId: message.provider_message_id ?? null,
  }
}
