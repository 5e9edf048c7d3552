/**
 * Everything a route handler is handed: the proxy's collaborators, built once by `createProxy`,
 * with a `report` bound to the route being served.
 */
import type { WebhookDeduper } from '../webhooks/index.ts'
import type { EventHub } from './eventHub.ts'
import type { Authorize } from './grant.ts'
import type { OriginPolicy } from './originPolicy.ts'
import type { MessageStore, QuotaStore } from './stores.ts'
import type { Keyring } from './token.ts'

/** The checked options the handlers read (the rest build the collaborators below). */
export interface ProxySettings {
  readonly authorize: Authorize
  /** Seconds. */
  readonly tokenTtl: number
  /** Milliseconds. */
  readonly heartbeatInterval: number
  /** `undefined`: webhooks are off. */
  readonly webhookSecrets: readonly string[] | undefined
}

/** Where and how to call the Kirim API. */
export interface Upstream {
  readonly baseUrl: string
  readonly apiKey: string
  readonly fetch: (request: Request) => Promise<Response>
  /** Milliseconds. */
  readonly timeout: number
}

/** The proxy's state and collaborators. */
export interface ProxyContext {
  readonly options: ProxySettings
  /** The token keys, imported on first use (some runtimes refuse crypto at start-up). */
  readonly keyring: () => Promise<Keyring>
  readonly origins: OriginPolicy
  readonly eventHub: EventHub
  readonly quota: QuotaStore
  readonly messages: MessageStore
  readonly deduper: WebhookDeduper
  readonly upstream: Upstream
  /**
   * Hands an unexpected error to `onError`, scrubbed of the API key, with the route being served
   * and, when upstream answered, its request id; never throws.
   */
  readonly report: (error: unknown, requestId?: string) => void
}
