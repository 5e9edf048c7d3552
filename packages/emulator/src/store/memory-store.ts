import type { MessageRecord } from '../messages/message.ts'
import type { Delivery } from '../webhooks/delivery.ts'
import type { SubscriptionRecord } from '../webhooks/subscription.ts'
import type { EmulatorStore, IdempotencyRecord } from './store.ts'

/** The default {@link EmulatorStore}: Maps in memory (insertion order is creation order). */
export function createMemoryStore(): EmulatorStore {
  const messages = new Map<string, MessageRecord>()
  // Per organisation, so the key string itself (shared with the record) is the map key.
  const idempotency = new Map<string, Map<string, IdempotencyRecord>>()
  const inbound = new Map<string, number>()
  const deliveries = new Map<string, Delivery>()
  const subscriptions = new Map<string, SubscriptionRecord>()
  const windowKey = (organizationId: string, business: string, customer: string) =>
    `${organizationId}\n${business}\n${customer}`

  return {
    saveMessage: (record) => {
      messages.set(record.message.id, record)
    },
    getMessage: (id) => messages.get(id),
    listMessages: () => [...messages.values()],
    saveIdempotency: (record) => {
      let records = idempotency.get(record.organizationId)
      if (records === undefined) {
        records = new Map()
        idempotency.set(record.organizationId, records)
      }
      records.set(record.key, record)
    },
    getIdempotency: (organizationId, key) => idempotency.get(organizationId)?.get(key),
    deleteIdempotency: (organizationId, key) => {
      idempotency.get(organizationId)?.delete(key)
    },
    saveInbound: (organizationId, business, customer, at) => {
      inbound.set(windowKey(organizationId, business, customer), at)
    },
    lastInbound: (organizationId, business, customer) =>
      inbound.get(windowKey(organizationId, business, customer)),
    saveDelivery: (delivery) => {
      deliveries.set(delivery.id, delivery)
    },
    getDelivery: (id) => deliveries.get(id),
    listDeliveries: () => [...deliveries.values()],
    saveSubscription: (record) => {
      subscriptions.set(record.subscription.id, record)
    },
    deleteSubscription: (id) => {
      subscriptions.delete(id)
    },
    listSubscriptions: () => [...subscriptions.values()],
    clear: () => {
      subscriptions.clear()
      messages.clear()
      idempotency.clear()
      inbound.clear()
      deliveries.clear()
    },
  }
}
