/** The event types a subscription can ask for (kirim-api.md, "Webhooks"). */
export const EVENT_TYPES = [
  'message.status',
  'message.received',
  'conversation.assigned',
  'conversation.closed',
  'contact.created',
  'contact.updated',
] as const

export type EventType = (typeof EVENT_TYPES)[number]

/** A webhook subscription, as the API shows it (never with its secret). */
export interface WebhookSubscription {
  readonly id: string
  readonly object: 'webhook_subscription'
  readonly url: string
  readonly events: readonly EventType[]
  readonly description: string | null
  readonly created_at: string
}

/** What the store keeps for a subscription. */
export interface SubscriptionRecord {
  readonly organizationId: string
  readonly subscription: WebhookSubscription
  readonly secret: string
}
