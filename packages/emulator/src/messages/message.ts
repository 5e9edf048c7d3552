import type { MESSAGE_TYPES } from '../validation/limits.ts'

/** A message's delivery status; it never moves backwards. */
export type MessageStatus = 'pending' | 'sent' | 'delivered' | 'read' | 'failed'

/** The message types `POST /v1/messages` accepts. */
export type MessageType = (typeof MESSAGE_TYPES)[number]

/** A delivery failure (kirim-api.md, "Delivery failures"). */
export interface MessageError {
  readonly code: string
  readonly message: string
  readonly provider_code: number
}

/** The Message object of the API. `error` is present only when `status` is `failed`. */
export interface Message {
  readonly id: string
  readonly object: 'message'
  readonly from: string
  readonly to: string
  readonly type: MessageType
  readonly status: MessageStatus
  readonly created_at: string
  readonly updated_at: string
  readonly provider_message_id: string | null
  readonly error?: MessageError
}

/** A message as `GET /_emulator/messages` lists it: the Message plus what it was sent with. */
export type StoredMessage = Message & {
  readonly [payload in MessageType]?: unknown
} & { readonly idempotency_key: string | null }

/** What the store keeps for a message. */
export interface MessageRecord {
  readonly organizationId: string
  readonly message: Message
  /** The `<type>` object of the request, as sent. */
  readonly payload: unknown
  readonly idempotencyKey: string | null
}

const RANK: Readonly<Record<MessageStatus, number>> = {
  pending: 0,
  sent: 1,
  delivered: 2,
  read: 3,
  failed: 4,
}

/** Whether moving from `current` to `next` goes forward (statuses never move backwards). */
export const movesForward = (current: MessageStatus, next: MessageStatus): boolean =>
  current !== 'failed' && current !== 'read' && RANK[next] > RANK[current]

/** The `/_emulator/messages` view of a record. */
export const toStoredMessage = (record: MessageRecord): StoredMessage => ({
  ...record.message,
  [record.message.type]: record.payload,
  idempotency_key: record.idempotencyKey,
})
