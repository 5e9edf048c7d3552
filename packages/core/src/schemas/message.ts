import {
  type InferOutput,
  literal,
  looseObject,
  nullish,
  number,
  optional,
  picklist,
  string,
} from 'valibot'
import { dataEnvelope } from './envelope.ts'
import type { Known } from './known.ts'
import type { MessageType } from './messages/send.ts'
import { openEnum } from './open.ts'
import { idOf } from './rules.ts'

/** Every status a message goes through: `pending` → `sent` → `delivered` → `read`, or `failed`. */
export const MESSAGE_STATUSES = ['pending', 'sent', 'delivered', 'read', 'failed'] as const

/** A message status; `read` and `failed` are terminal. */
export const MessageStatusSchema = /* @__PURE__ */ picklist(MESSAGE_STATUSES)

/**
 * Why a message failed: `{ code, message, provider_code }`. `code` is Kirim's stable code
 * (`outside_24h_window`, `recipient_blocked` …); `provider_code` Meta's number (`131047`).
 */
export const MessageErrorSchema = /* @__PURE__ */ looseObject({
  /** The stable failure code: branch on it. */
  code: /* @__PURE__ */ string(),
  /** Prose for humans; may change. */
  message: /* @__PURE__ */ string(),
  /** Meta's error code, when the failure came from Meta (`null` or absent otherwise). */
  provider_code: /* @__PURE__ */ nullish(/* @__PURE__ */ number()),
})

/**
 * The Message object, as `POST /v1/messages` and `GET /v1/messages/{id}` return it.
 * Loose: fields the contract does not name are kept. `status` is checked strictly (the SDK's
 * status logic depends on it); `type` accepts any string (known ones typed).
 */
export const MessageSchema = /* @__PURE__ */ looseObject({
  /** `msg_…`: opaque, never parse it. */
  id: /* @__PURE__ */ idOf('msg_'),
  object: /* @__PURE__ */ literal('message'),
  /** The resolved sender (E.164). */
  from: /* @__PURE__ */ optional(/* @__PURE__ */ string()),
  /** The recipient (E.164). */
  to: /* @__PURE__ */ string(),
  type: /* @__PURE__ */ openEnum<MessageType>(),
  status: MessageStatusSchema,
  /** ISO 8601 time the message was accepted. */
  created_at: /* @__PURE__ */ string(),
  /** ISO 8601 time of the last status change (**ASSUMED** field). */
  updated_at: /* @__PURE__ */ optional(/* @__PURE__ */ string()),
  /** Meta's `wamid`; `null` when the send failed before reaching Meta (**ASSUMED** field). */
  provider_message_id: /* @__PURE__ */ nullish(/* @__PURE__ */ string()),
  /** Present when `status` is `failed`. */
  error: /* @__PURE__ */ nullish(MessageErrorSchema),
})

/** The answer of `POST /v1/messages` and `GET /v1/messages/{id}`: `{ data: Message, request_id }`. */
export const MessageEnvelopeSchema = /* @__PURE__ */ dataEnvelope(MessageSchema)

/** A message as the API returns it. A delivery failure is a `Message` with `status: 'failed'`. */
export type Message = Known<InferOutput<typeof MessageSchema>>
/** `'pending' | 'sent' | 'delivered' | 'read' | 'failed'`. */
export type MessageStatus = InferOutput<typeof MessageStatusSchema>
/** Why a message failed: `{ code, message, provider_code }`. */
export type MessageError = Known<InferOutput<typeof MessageErrorSchema>>
