/**
 * @module
 * Receive Kirim's webhooks safely: `verifyWebhook` checks the `X-Kirim-Signature` of a
 * delivery (HMAC-SHA256 over the raw body, a 5-minute replay window, secret rotation) and
 * returns a typed event; `statusUpdates` and `inboundMessages` flatten Meta's payloads;
 * `createWebhookDeduper` handles Kirim's at-least-once delivery; `signWebhook` produces
 * signed deliveries for tests. Web standards only: Node 22+, Deno, Bun, Workers, Vercel Edge.
 *
 * @example
 * import { verifyWebhook, statusUpdates, WebhookVerificationError } from '@kirim/core/webhooks'
 *
 * const event = await verifyWebhook({ body: await request.text(), headers: request.headers, secret })
 * for (const update of statusUpdates(event)) console.log(update.wamid, update.status)
 */

export type { WebhookBody } from './bodyBytes.ts'
export {
  createMemoryDedupeStore,
  type MemoryDedupeStoreOptions,
} from './createMemoryDedupeStore.ts'
export {
  createWebhookDeduper,
  type WebhookDeduper,
  type WebhookDeduperOptions,
} from './createWebhookDeduper.ts'
export type { DedupeStore } from './DedupeStore.ts'
export type {
  ContactCreatedEvent,
  ContactUpdatedEvent,
  ConversationAssignedEvent,
  ConversationClosedEvent,
  KirimEvent,
  KirimEventData,
  KirimEventType,
  MessageReceivedEvent,
  MessageStatusEvent,
  MetaChangeValue,
  MetaContact,
  MetaConversation,
  MetaError,
  MetaInboundMessage,
  MetaInboundMessageType,
  MetaMedia,
  MetaMessageStatus,
  MetaPricing,
  MetaStatus,
  MetaWebhookPayload,
  UnknownWebhookEvent,
  WebhookDelivery,
  WebhookEvent,
} from './events.ts'
export { type InboundMessage, type InteractiveReply, inboundMessages } from './inboundMessages.ts'
export type { WebhookHeaders } from './readHeader.ts'
export type { WebhookSecret } from './secret.ts'
export { type SignWebhookOptions, signWebhook } from './signWebhook.ts'
export { type StatusUpdate, type StatusUpdateError, statusUpdates } from './statusUpdates.ts'
export { type VerifyWebhookOptions, verifyWebhook } from './verifyWebhook.ts'
export {
  WebhookVerificationError,
  type WebhookVerificationReason,
} from './WebhookVerificationError.ts'
