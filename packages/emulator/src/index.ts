/**
 * @module
 * `@kirim/emulator`: a faithful local Kirim API. `createEmulator()` returns a Web-standard
 * `fetch` handler (use it in-process as an SDK's `fetch`, or serve it with
 * `@kirim/emulator/node`), a drivable clock and a control API under `/_emulator/`.
 */
export type { Emulator, EmulatorClock } from './emulator.ts'
export { createEmulator } from './emulator.ts'
export { ConnectionDroppedError } from './errors/connection-dropped.ts'
export type { FaultKind, FaultView } from './faults/fault-registry.ts'
export type {
  Message,
  MessageError,
  MessageRecord,
  MessageStatus,
  MessageType,
  StoredMessage,
} from './messages/message.ts'
export { TEST_RECIPIENTS, UNREACHABLE_MEDIA_HOST } from './messages/test-recipients.ts'
export type {
  EmulatorOptions,
  OrganizationSeed,
  RateLimits,
  TemplateCategory,
  TemplateComponent,
  TemplateSeed,
  TemplateStatus,
  Tier,
  Timing,
  WebhookTarget,
} from './options.ts'
export { DEFAULT_API_KEY, DEFAULT_NUMBER } from './options.ts'
export { createMemoryStore } from './store/memory-store.ts'
export type { EmulatorStore, IdempotencyRecord } from './store/store.ts'
export type { Template } from './templates/template.ts'
export type { Delivery, DeliveryAttempt, DeliveryState } from './webhooks/delivery.ts'
