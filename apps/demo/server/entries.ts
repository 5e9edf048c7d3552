/**
 * The feed's entries from what the server side sees: a send the proxy accepted (its request body
 * and Kirim's answer) and the customer messages of a verified `message.received` webhook.
 */
import { parseSendMessage, ValidationError } from '@kirim/core'
import { inboundMessages, type WebhookEvent } from '@kirim/core/webhooks'
import type { ReceivedEntry, SentEntry } from '../shared/protocol.ts'
import { toSentEntry } from '../shared/sentEntry.ts'

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const optionalString = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined

/**
 * The sent entry of an accepted `POST /v1/messages`: the body the page sent and the `{ data:
 * Message }` Kirim answered. `undefined` when either is not what an accepted send looks like.
 */
export function sentEntry(requestBody: unknown, answer: unknown): SentEntry | undefined {
  const message = isRecord(answer) ? answer.data : undefined
  if (!isRecord(message)) return undefined
  const { id, to, created_at: createdAt } = message
  if (typeof id !== 'string' || typeof to !== 'string' || typeof createdAt !== 'string') {
    return undefined
  }
  let body: SentEntry['body']
  try {
    body = parseSendMessage(requestBody)
  } catch (error) {
    if (error instanceof ValidationError) return undefined
    throw error
  }
  return toSentEntry(
    {
      id,
      to,
      from: optionalString(message.from),
      created_at: createdAt,
      provider_message_id: optionalString(message.provider_message_id) ?? null,
    },
    body,
  )
}

/** Business numbers by their Meta phone-number id, from the event's metadata. */
function businessNumbers(event: WebhookEvent): Map<string, string> {
  const numbers = new Map<string, string>()
  if (event.type !== 'message.received') return numbers
  for (const entry of event.data.entry) {
    for (const change of entry.changes) {
      const { phone_number_id, display_phone_number } = change.value.metadata
      numbers.set(phone_number_id, `+${display_phone_number.replace(/\D/g, '')}`)
    }
  }
  return numbers
}

/** The customer messages of a verified webhook event; `[]` for any other event. */
export function receivedEntries(event: WebhookEvent): ReceivedEntry[] {
  if (event.type !== 'message.received') return []
  const numbers = businessNumbers(event)
  return inboundMessages(event).map((message) => ({
    kind: 'received',
    id: message.wamid,
    from: message.from,
    to: numbers.get(message.phoneNumberId),
    type: message.type,
    text: message.text ?? message.button?.text,
    interactive: message.interactive,
    inReplyTo: message.inReplyTo,
    profileName: message.profileName,
    receivedAt: message.timestamp.toISOString(),
  }))
}
