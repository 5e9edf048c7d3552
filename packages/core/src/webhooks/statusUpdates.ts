import type {
  MetaConversation,
  MetaMessageStatus,
  MetaPricing,
  MetaStatus,
  WebhookEvent,
} from './events.ts'
import { toE164, unixToDate } from './whatsappValues.ts'

/** Why a message failed, as Meta reports it (`code` is Meta's, e.g. 131047). */
export interface StatusUpdateError {
  readonly code: number
  readonly title: string
  /** Meta's `message`, or its `title` when Meta sent no message. */
  readonly message: string
  /** Meta's `error_data.details`: the longer explanation, when sent. */
  readonly details?: string
}

/** One delivery status of a message you sent, flattened out of Meta's webhook JSON. */
export interface StatusUpdate {
  /** Meta's message id (`wamid.…`): the `provider_message_id` of the Kirim message. */
  readonly wamid: string
  readonly status: MetaMessageStatus
  /** Who the message went to, E.164 with a leading `+` (a group id is left as it is). */
  readonly recipient: string
  /** When the status changed, by Meta's clock. */
  readonly timestamp: Date
  /** Why it failed: empty unless `status` is `failed`. */
  readonly errors: readonly StatusUpdateError[]
  /** The id of your business phone number the message was sent from. */
  readonly phoneNumberId: string
  /** Meta's conversation block, as sent, when present. */
  readonly conversation?: MetaConversation
  /** Meta's pricing block, as sent, when present. */
  readonly pricing?: MetaPricing
  /** The status object exactly as Meta sent it, unknown fields included. */
  readonly raw: MetaStatus
}

/**
 * The delivery statuses carried by a `message.status` event, flattened: one entry per status,
 * in the order of the payload. Any other event gives `[]`, so it can be called on every event.
 *
 * Statuses arrive out of order and may repeat (`read` can come without `delivered`): never
 * move a message's status backwards, and treat a repeat as a no-op.
 *
 * @example
 * for (const update of statusUpdates(event)) {
 *   if (update.status === 'failed') console.error(update.wamid, update.errors[0]?.code)
 *   else await db.messages.advance(update.wamid, update.status, update.timestamp)
 * }
 */
export function statusUpdates(event: WebhookEvent): StatusUpdate[] {
  if (event.type !== 'message.status' && event.type !== 'message.received') return []
  const updates: StatusUpdate[] = []
  for (const entry of event.data.entry) {
    for (const change of entry.changes) {
      const { metadata, statuses = [] } = change.value
      for (const status of statuses) {
        updates.push({
          wamid: status.id,
          status: status.status,
          recipient:
            status.recipient_type === 'group' ? status.recipient_id : toE164(status.recipient_id),
          timestamp: unixToDate(status.timestamp),
          errors: (status.errors ?? []).map((error) => ({
            code: error.code,
            title: error.title,
            message: error.message ?? error.title,
            ...(error.error_data?.details === undefined
              ? {}
              : { details: error.error_data.details }),
          })),
          phoneNumberId: metadata.phone_number_id,
          ...(status.conversation === undefined ? {} : { conversation: status.conversation }),
          ...(status.pricing === undefined ? {} : { pricing: status.pricing }),
          raw: status,
        })
      }
    }
  }
  return updates
}
