import { createWebhookDeduper } from '../webhooks/index.ts'
import type { ProxyContext } from './context.ts'
import { refuse } from './errors.ts'
import { createEventHub } from './eventHub.ts'
import { passGuard } from './guard.ts'
import type { ProxyErrorContext, ProxyOptions } from './options.ts'
import { createOriginPolicy } from './originPolicy.ts'
import { redactError } from './redact.ts'
import { resolveOptions } from './resolveOptions.ts'
import { isRoute, matchRoute, type RouteName } from './routes.ts'
import { createMemoryMessageStore, createMemoryQuotaStore } from './stores.ts'
import { importKeyring, type Keyring } from './token.ts'

/** A running proxy: one Web-standard handler for every runtime. */
export interface KirimProxy {
  /** Answers one request. Never rejects: every failure is an answer in Kirim's error envelope. */
  fetch(request: Request): Promise<Response>
  /** Ends every open event stream (for a graceful shutdown); the handler keeps answering. */
  close(): void
}

/**
 * Creates the token-minting edge proxy: the browser's way to Kirim without the API key.
 *
 * Routes under `basePath` (default `/api/kirim`):
 * - `POST /token` → `{ token, expiresIn }`: runs `authorize(request)`, mints an HS256 token for
 *   its subject and scope (401 `not_authorized` when it returns `null`).
 * - `POST /v1/messages`, `GET /v1/messages/{id}`, `GET /v1/templates`: forwarded to Kirim with
 *   the API key, after the token (`Authorization: Bearer …`), the body (core's schemas) and
 *   the scope are checked. A message can only be read by the subject that sent it.
 * - `POST /webhooks`: Kirim's signed deliveries (`webhookSecret`), turned into status events.
 * - `GET /events`: Server-Sent Events of the subject's message statuses (token in
 *   `Authorization` or `?token=`).
 *
 * Anything else is refused without contacting Kirim. Errors use Kirim's envelope
 * `{ error: { type, code, message, param?, request_id } }`, so `@kirim/core` throws the same
 * typed errors for them as for the API's. The proxy's own codes are {@link ProxyErrorCode}; their
 * status and type are in the error catalogue (`src/proxy/errors.ts`), listed in the package
 * README's "Proxy error codes".
 *
 * Throws one `ValidationError` at once, listing every option that breaks a rule (`issues`, each
 * with its path; a secret is never quoted).
 *
 * @example Cloudflare Worker
 * export default {
 *   fetch(request: Request, env: Env) {
 *     proxy ??= createProxy({ apiKey: env.KIRIM_API_KEY, tokenSecret: env.KIRIM_TOKEN_SECRET, authorize })
 *     return proxy.fetch(request)
 *   },
 * }
 *
 * @example Deno
 * const proxy = createProxy({ apiKey: Deno.env.get('KIRIM_API_KEY')!, tokenSecret, authorize })
 * Deno.serve(proxy.fetch)
 *
 * @example Bun
 * const proxy = createProxy({ apiKey: Bun.env.KIRIM_API_KEY!, tokenSecret, authorize })
 * Bun.serve({ fetch: proxy.fetch })
 *
 * @example Node (`@hono/node-server` bridges `node:http` to the fetch handler)
 * import { createServer } from 'node:http'
 * import { getRequestListener } from '@hono/node-server'
 * const proxy = createProxy({ apiKey: process.env.KIRIM_API_KEY!, tokenSecret, authorize })
 * createServer(getRequestListener(proxy.fetch)).listen(3000)
 *
 * @example `authorize`: who is calling, and what may they send?
 * const proxy = createProxy({
 *   apiKey: env.KIRIM_API_KEY,
 *   tokenSecret: [env.KIRIM_TOKEN_SECRET, env.KIRIM_TOKEN_SECRET_PREVIOUS],
 *   webhookSecret: env.KIRIM_WEBHOOK_SECRET,
 *   allowedOrigins: ['https://app.example.com'],
 *   async authorize(request) {
 *     const user = await userFromSession(request)
 *     if (!user) return null
 *     return { subject: user.id, scope: { types: ['template'], recipients: [user.phone], maxSends: 5 } }
 *   },
 * })
 */
export function createProxy(options: ProxyOptions): KirimProxy {
  const resolved = resolveOptions(options)
  let keyring: Promise<Keyring> | undefined
  const { apiKey, onError } = resolved

  const report = (error: unknown, where: ProxyErrorContext): void => {
    if (onError === undefined) return
    try {
      onError(redactError(error, apiKey), where)
    } catch {
      // A failing logger must not turn an answer into a crash.
    }
  }
  const context: ProxyContext = {
    options: resolved,
    keyring: () => {
      keyring ??= importKeyring(resolved.tokenSecrets)
      return keyring
    },
    origins: createOriginPolicy(resolved.allowedOrigins),
    eventHub: createEventHub(),
    quota: resolved.quotaStore ?? createMemoryQuotaStore(),
    messages: resolved.messageStore ?? createMemoryMessageStore(),
    deduper: createWebhookDeduper(
      resolved.dedupeStore === undefined ? {} : { store: resolved.dedupeStore },
    ),
    upstream: {
      baseUrl: resolved.baseUrl,
      apiKey,
      fetch: resolved.fetch,
      timeout: resolved.upstreamTimeout,
    },
    report: (error) => report(error, { route: undefined }),
  }

  return {
    async fetch(request) {
      let route: RouteName | undefined
      try {
        const matched = matchRoute(request, resolved.basePath)
        if (!isRoute(matched)) {
          const headers = matched.allow && { Allow: matched.allow.join(', ') }
          return withCors(
            context,
            request,
            refuse(matched.code, { message: matched.message, headers }),
          )
        }
        route = matched.name
        if (request.method === 'OPTIONS') return context.origins.preflight(request, matched.methods)
        const claims = await passGuard(context, request, matched.guard)
        if (claims instanceof Response) return withCors(context, request, claims)
        const served: ProxyContext = {
          ...context,
          report: (error, requestId) =>
            report(
              error,
              requestId === undefined
                ? { route: matched.name }
                : { route: matched.name, requestId },
            ),
        }
        return withCors(context, request, await matched.handle(served, request, claims, matched.id))
      } catch (error) {
        report(error, { route })
        return withCors(context, request, refuse('internal_error'))
      }
    },
    close() {
      context.eventHub.close()
    },
  }
}

function withCors(context: ProxyContext, request: Request, response: Response): Response {
  for (const [name, value] of Object.entries(context.origins.headers(request))) {
    response.headers.set(name, value)
  }
  return response
}
