import type { MessageRecord } from '../messages/message.ts'
import type { Delivery } from '../webhooks/delivery.ts'
import type { SubscriptionRecord } from '../webhooks/subscription.ts'

/** A stored answer to an idempotent request. */
export interface IdempotencyRecord {
  readonly organizationId: string
  readonly key: string
  /** A digest (128 bits of SHA-256, base64url) of the method, path and canonical JSON body of the first request. */
  readonly fingerprint: string
  readonly status: number
  /** The response body, verbatim; absent when `messageId` is set. */
  readonly body?: string
  /** The message a send created: its 202 body is rendered again from it, byte for byte. */
  readonly messageId?: string
  readonly requestId: string
  /** Emulator-clock ms; the record is kept 24 h from here. */
  readonly createdAt: number
}

/**
 * Where the emulator keeps its state. Synchronous so a durable backing (SQLite, a file)
 * can implement it directly; the default keeps everything in memory.
 */
export interface EmulatorStore {
  saveMessage(record: MessageRecord): void
  getMessage(id: string): MessageRecord | undefined
  /** Oldest first. */
  listMessages(): MessageRecord[]

  saveIdempotency(record: IdempotencyRecord): void
  getIdempotency(organizationId: string, key: string): IdempotencyRecord | undefined
  deleteIdempotency(organizationId: string, key: string): void

  /** The time (emulator ms) the customer last wrote to the business number. */
  saveInbound(organizationId: string, business: string, customer: string, at: number): void
  lastInbound(organizationId: string, business: string, customer: string): number | undefined

  saveDelivery(delivery: Delivery): void
  getDelivery(id: string): Delivery | undefined
  /** Oldest first. */
  listDeliveries(): Delivery[]

  saveSubscription(record: SubscriptionRecord): void
  deleteSubscription(id: string): void
  /** Oldest first. */
  listSubscriptions(): SubscriptionRecord[]

  /** Forgets everything. */
  clear(): void
}
