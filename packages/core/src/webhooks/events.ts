import * as v from 'valibot'

// The shapes of webhook bodies, as valibot schemas: the single source of the event types below.
// Every object is loose: Meta and Kirim add fields, and a field this file does not name is kept,
// untouched, in the parsed value. Fields are required only where the contract says they are
// always sent, so that a delivery is refused for a broken body, never for a richer one.

/** A Unix time in seconds: Meta sends a string of digits (older payloads, a number). */
const unixTime = v.union(
  [v.pipe(v.string(), v.regex(/^[0-9]+$/)), v.pipe(v.number(), v.integer(), v.minValue(0))],
  'must be a Unix time in seconds (a string of digits)',
)

/** The status values Meta documents; others (`played` for voice messages…) pass through. */
export type MetaMessageStatus = 'sent' | 'delivered' | 'read' | 'failed' | (string & {})

/** The inbound message types Meta documents; a new type passes through as a plain string. */
export type MetaInboundMessageType =
  | 'text'
  | 'interactive'
  | 'button'
  | 'image'
  | 'video'
  | 'audio'
  | 'document'
  | 'sticker'
  | 'location'
  | 'contacts'
  | 'reaction'
  | 'order'
  | 'system'
  | 'unsupported'
  | (string & {})

const openString = <T extends string>() =>
  v.custom<T>((input) => typeof input === 'string', 'must be a string')

/** One entry of Meta's `errors` arrays (on a failed status, an unsupported message, a value). */
export const metaErrorSchema = v.looseObject({
  code: v.number(),
  title: v.string(),
  message: v.optional(v.string()),
  error_data: v.optional(v.looseObject({ details: v.optional(v.string()) })),
  href: v.optional(v.string()),
})

/** Meta's conversation block on a status (absent since per-message pricing, kept when sent). */
export const metaConversationSchema = v.looseObject({
  id: v.string(),
  expiration_timestamp: v.optional(unixTime),
  origin: v.optional(v.looseObject({ type: v.string() })),
})

/** Meta's pricing block on a status. */
export const metaPricingSchema = v.looseObject({
  billable: v.optional(v.boolean()),
  pricing_model: v.optional(v.string()),
  category: v.optional(v.string()),
  type: v.optional(v.string()),
})

/** One entry of `value.statuses`: a change in the delivery of a message you sent. */
export const metaStatusSchema = v.looseObject({
  /** The `wamid.…` of the message. */
  id: v.string(),
  status: openString<MetaMessageStatus>(),
  timestamp: unixTime,
  /** The customer's WhatsApp id: their phone number, digits only, no `+`. */
  recipient_id: v.string(),
  recipient_type: v.optional(v.string()),
  biz_opaque_callback_data: v.optional(v.string()),
  conversation: v.optional(metaConversationSchema),
  pricing: v.optional(metaPricingSchema),
  errors: v.optional(v.array(metaErrorSchema)),
})

/** An image, video, audio, document or sticker a customer sent (fetch it by `id`). */
export const metaMediaSchema = v.looseObject({
  id: v.string(),
  mime_type: v.optional(v.string()),
  sha256: v.optional(v.string()),
  caption: v.optional(v.string()),
  filename: v.optional(v.string()),
})

/** One entry of `value.messages`: a message a customer sent you. */
export const metaInboundMessageSchema = v.looseObject({
  /** The customer's WhatsApp id: their phone number, digits only, no `+`. */
  from: v.string(),
  /** The `wamid.…` of this message. */
  id: v.string(),
  timestamp: unixTime,
  type: openString<MetaInboundMessageType>(),
  /** Present when the customer replied to (or tapped a button of) one of your messages. */
  context: v.optional(
    v.looseObject({
      from: v.optional(v.string()),
      id: v.optional(v.string()),
      forwarded: v.optional(v.boolean()),
      frequently_forwarded: v.optional(v.boolean()),
    }),
  ),
  text: v.optional(v.looseObject({ body: v.string() })),
  /** A row chosen in a list (`list_reply`) or a reply button tapped (`button_reply`). */
  interactive: v.optional(
    v.looseObject({
      type: v.string(),
      list_reply: v.optional(
        v.looseObject({ id: v.string(), title: v.string(), description: v.optional(v.string()) }),
      ),
      button_reply: v.optional(v.looseObject({ id: v.string(), title: v.string() })),
    }),
  ),
  /** A quick-reply button of a template tapped. */
  button: v.optional(v.looseObject({ payload: v.optional(v.string()), text: v.string() })),
  image: v.optional(metaMediaSchema),
  video: v.optional(metaMediaSchema),
  audio: v.optional(metaMediaSchema),
  document: v.optional(metaMediaSchema),
  sticker: v.optional(metaMediaSchema),
  location: v.optional(
    v.looseObject({
      latitude: v.number(),
      longitude: v.number(),
      name: v.optional(v.string()),
      address: v.optional(v.string()),
      url: v.optional(v.string()),
    }),
  ),
  reaction: v.optional(v.looseObject({ message_id: v.string(), emoji: v.optional(v.string()) })),
  errors: v.optional(v.array(metaErrorSchema)),
})

/** One entry of `value.contacts`: who sent the messages beside it. */
export const metaContactSchema = v.looseObject({
  wa_id: v.optional(v.string()),
  profile: v.optional(v.looseObject({ name: v.optional(v.string()) })),
})

/** `entry[].changes[].value` of a `messages` change. */
export const metaChangeValueSchema = v.looseObject({
  messaging_product: v.literal('whatsapp'),
  metadata: v.looseObject({ display_phone_number: v.string(), phone_number_id: v.string() }),
  contacts: v.optional(v.array(metaContactSchema)),
  messages: v.optional(v.array(metaInboundMessageSchema)),
  statuses: v.optional(v.array(metaStatusSchema)),
  errors: v.optional(v.array(metaErrorSchema)),
})

/** Meta's webhook body, which `message.status` and `message.received` carry unchanged. */
export const metaWebhookPayloadSchema = v.looseObject({
  object: v.literal('whatsapp_business_account'),
  entry: v.array(
    v.looseObject({
      /** The WhatsApp Business Account id. */
      id: v.string(),
      changes: v.array(
        v.looseObject({ field: v.literal('messages'), value: metaChangeValueSchema }),
      ),
    }),
  ),
})

/**
 * **ASSUMED**: the public docs give Kirim's own events as `{ id, type, created_at, data }` and
 * say no more of `data`. `created_at` is taken to be an ISO 8601 time like every other
 * `created_at` of the API, and `data` an object (a conversation `cnv_…` or a contact `ctc_…`).
 */
const kirimEventData = v.looseObject({ id: v.optional(v.string()) })

function kirimEventSchema<const TType extends string>(type: TType) {
  return v.looseObject({
    id: v.string(),
    type: v.literal(type),
    created_at: v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 time')),
    data: kirimEventData,
  })
}

/** The bodies of Kirim's own events, by type. */
export const kirimEventSchemas = {
  'conversation.assigned': kirimEventSchema('conversation.assigned'),
  'conversation.closed': kirimEventSchema('conversation.closed'),
  'contact.created': kirimEventSchema('contact.created'),
  'contact.updated': kirimEventSchema('contact.updated'),
} as const

export type MetaError = v.InferOutput<typeof metaErrorSchema>
export type MetaConversation = v.InferOutput<typeof metaConversationSchema>
export type MetaPricing = v.InferOutput<typeof metaPricingSchema>
export type MetaStatus = v.InferOutput<typeof metaStatusSchema>
export type MetaMedia = v.InferOutput<typeof metaMediaSchema>
export type MetaInboundMessage = v.InferOutput<typeof metaInboundMessageSchema>
export type MetaContact = v.InferOutput<typeof metaContactSchema>
export type MetaChangeValue = v.InferOutput<typeof metaChangeValueSchema>
/** Meta's webhook JSON, as `message.status` and `message.received` carry it. */
export type MetaWebhookPayload = v.InferOutput<typeof metaWebhookPayloadSchema>
/** Kirim's own event types (the `X-Kirim-Event` values whose body is Kirim's envelope). */
export type KirimEventType = keyof typeof kirimEventSchemas
/** The `data` of a Kirim event: the conversation or contact it is about. */
export type KirimEventData = v.InferOutput<typeof kirimEventData>

/** What every event carries about its delivery, whatever its type. */
export interface WebhookDelivery {
  /**
   * The event id, the same on every retry of one event: dedupe on it. From `X-Kirim-Event-Id`,
   * or the signed body's `id` for Kirim's own events.
   */
  readonly id: string
  /** `X-Kirim-Delivery-Id`: one per attempt. */
  readonly deliveryId: string | undefined
  /** `X-Kirim-Attempt`: 1 on the first attempt, up to 8. */
  readonly attempt: number | undefined
  /** `X-Kirim-Source`: `meta` for Meta's events, `kirim` for Kirim's own. */
  readonly source: 'meta' | 'kirim' | (string & {}) | undefined
  /** When Kirim signed this attempt: the `t` of `X-Kirim-Signature`. */
  readonly timestamp: Date
}

/** Delivery statuses of messages you sent (`value.statuses`): flatten with `statusUpdates`. */
export interface MessageStatusEvent extends WebhookDelivery {
  readonly type: 'message.status'
  /** Meta's webhook JSON, unchanged. */
  readonly data: MetaWebhookPayload
}

/** Messages customers sent you, list and button replies included: flatten with `inboundMessages`. */
export interface MessageReceivedEvent extends WebhookDelivery {
  readonly type: 'message.received'
  /** Meta's webhook JSON, unchanged. */
  readonly data: MetaWebhookPayload
}

/** One of Kirim's own events: `{ id, type, created_at, data }` in the body. */
export interface KirimEvent<TType extends KirimEventType = KirimEventType> extends WebhookDelivery {
  readonly type: TType
  /** The body's `created_at`: when the event happened. */
  readonly createdAt: Date
  /** The body's `data`. */
  readonly data: KirimEventData
}

export type ConversationAssignedEvent = KirimEvent<'conversation.assigned'>
export type ConversationClosedEvent = KirimEvent<'conversation.closed'>
export type ContactCreatedEvent = KirimEvent<'contact.created'>
export type ContactUpdatedEvent = KirimEvent<'contact.updated'>

/**
 * An event of a type added after this version of the SDK: verified, but its shape unknown.
 * Its `type` is the literal `'unknown'` (so that `event.type === 'message.status'` narrows
 * `event` to that shape); the type Kirim sent is in `eventType`.
 */
export interface UnknownWebhookEvent extends WebhookDelivery {
  readonly type: 'unknown'
  /** The event type as Kirim sent it (`X-Kirim-Event`, or the body's `type`). */
  readonly eventType: string
  /** The whole parsed body. */
  readonly data: unknown
}

/** A verified webhook event. Switch on `type`; ignore (and answer 2xx to) types you do not use. */
export type WebhookEvent =
  | MessageStatusEvent
  | MessageReceivedEvent
  | ConversationAssignedEvent
  | ConversationClosedEvent
  | ContactCreatedEvent
  | ContactUpdatedEvent
  | UnknownWebhookEvent
