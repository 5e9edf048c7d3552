/**
 * @module
 * `@kirim/core/proxy`: the token-minting edge proxy that keeps the Kirim API key out of
 * browsers. One Web-standard handler (`createProxy(options).fetch`) for Cloudflare Workers,
 * Vercel Edge, Deno, Bun and Node: it mints short-lived scoped tokens for the browser, forwards
 * an allowlist of API calls with the real key, receives Kirim's webhooks and streams message
 * statuses to the browser over Server-Sent Events.
 *
 * @example
 * import { createProxy } from '@kirim/core/proxy'
 *
 * const proxy = createProxy({
 *   apiKey: env.KIRIM_API_KEY,
 *   tokenSecret: env.KIRIM_TOKEN_SECRET,
 *   webhookSecret: env.KIRIM_WEBHOOK_SECRET,
 *   authorize: async (request) => ({ subject: await userId(request), scope: { maxSends: 10 } }),
 * })
 * export default { fetch: proxy.fetch }
 */

export { createProxy, type KirimProxy } from './createProxy.ts'
export type { ProxyErrorCode } from './errors.ts'
export type { StatusEventData } from './eventHub.ts'
export type { AuthorizeResult } from './grant.ts'
export type { ProxyErrorContext, ProxyOptions } from './options.ts'
export type { Scope, ScopeMessageType, ScopeViolationCode } from './scope.ts'
export {
  createMemoryMessageStore,
  createMemoryQuotaStore,
  type MemoryMessageStoreOptions,
  type MemoryQuotaStoreOptions,
  type MessageRecord,
  type MessageStore,
  type QuotaCharge,
  type QuotaDecision,
  type QuotaStore,
} from './stores.ts'
export type { TokenFailureCode } from './token.ts'
