/**
 * Everything a route handler needs, built once per proxy by `createProxy`.
 */
import type { WebhookDeduper } from '../webhooks/index.ts'
import type { OriginPolicy } from './cors.ts'
import type { EventHub } from './events.ts'
import type { Upstream } from './forward.ts'
import type { ProxyErrorContext, ResolvedOptions } from './options.ts'
import type { MessageStore, QuotaStore } from './stores.ts'
import type { Keyring } from './token.ts'

/** The proxy's state and collaborators. */
export interface ProxyContext {
  readonly options: ResolvedOptions
  /** The token keys, imported on first use (some runtimes refuse crypto at start-up). */
  readonly keyring: () => Promise<Keyring>
  readonly origins: OriginPolicy
  readonly hub: EventHub
  readonly quota: QuotaStore
  readonly messages: MessageStore
  readonly deduper: WebhookDeduper
  readonly upstream: Upstream
  /** Hands an unexpected error to `onError`, scrubbed of the API key; never throws. */
  readonly report: (error: unknown, context: ProxyErrorContext) => void
}
