import { createWebhookDeduper } from '../webhooks/index.ts'
import { authenticate } from './auth.ts'
import type { ProxyContext } from './context.ts'
import { createOriginPolicy } from './cors.ts'
import { errorResponse, internalError } from './envelope.ts'
import { createEventHub } from './events.ts'
import { streamEvents } from './handlers/events.ts'
import { getMessage } from './handlers/getMessage.ts'
import { listTemplates } from './handlers/listTemplates.ts'
import { sendMessage } from './handlers/sendMessage.ts'
import { issueToken } from './handlers/token.ts'
import { receiveWebhook } from './handlers/webhooks.ts'
import { type ProxyOptions, resolveOptions } from './options.ts'
import { redactError } from './redact.ts'
import { isRoute, matchRoute, type Route } from './routes.ts'
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
 * `{ error: { type, code, message, param?, request_id } }`; the proxy's own codes are
 * `not_authorized`, `missing_token`, `malformed_token`, `token_expired`,
 * `token_algorithm_not_allowed`, `token_key_unknown`, `token_signature_invalid`,
 * `token_claims_invalid` (401); `scope_type_forbidden`, `scope_recipient_forbidden`,
 * `scope_template_forbidden`, `quota_exceeded`, `origin_forbidden`, `origin_required` (403);
 * `invalid_path`, `invalid_request_target`, `invalid_json`, `validation_failed`,
 * `invalid_idempotency_key`, and on `/webhooks` `missing_signature`, `malformed_signature`,
 * `timestamp_outside_tolerance`, `signature_mismatch`, `invalid_payload` (400); `route_not_found`,
 * `resource_not_found` (404); `method_not_allowed` (405); `request_too_large` (413);
 * `unsupported_media_type` (415); `internal_error` (500); `upstream_unreachable`,
 * `upstream_authentication_failed` (502); `upstream_timeout` (504).
 *
 * Throws {@link ProxyConfigError} at once when an option breaks a rule.
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
 * @example Node (node:http; or `@hono/node-server`'s `serve({ fetch: proxy.fetch })`)
 * import { createServer } from 'node:http'
 * import { Readable } from 'node:stream'
 * const proxy = createProxy({ apiKey: process.env.KIRIM_API_KEY!, tokenSecret, authorize })
 * createServer(async (req, res) => {
 *   const controller = new AbortController()
 *   res.on('close', () => controller.abort())
 *   const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
 *   const response = await proxy.fetch(new Request(`http://${req.headers.host}${req.url}`, {
 *     method: req.method, headers: req.headers as HeadersInit, signal: controller.signal,
 *     body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined, duplex: 'half',
 *   }))
 *   res.writeHead(response.status, Object.fromEntries(response.headers))
 *   if (response.body) Readable.fromWeb(response.body).pipe(res)
 *   else res.end()
 * }).listen(3000)
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

  const context: ProxyContext = {
    options: resolved,
    keyring: () => {
      keyring ??= importKeyring(resolved.tokenSecrets)
      return keyring
    },
    origins: createOriginPolicy(resolved.allowedOrigins),
    hub: createEventHub(),
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
    report(error, where) {
      if (onError === undefined) return
      try {
        onError(redactError(error, apiKey), where)
      } catch {
        // A failing logger must not turn an answer into a crash.
      }
    },
  }

  return {
    async fetch(request) {
      let route: Route | undefined
      try {
        const matched = matchRoute(request, resolved.basePath)
        if (!isRoute(matched)) {
          const response = errorResponse({
            status: matched.status,
            type: matched.status === 404 ? 'not_found' : 'invalid_request_error',
            code: matched.code,
            message: matched.message,
            headers: matched.allow === undefined ? {} : { Allow: matched.allow.join(', ') },
          })
          return withCors(context, request, response)
        }
        route = matched
        if (request.method === 'OPTIONS') return context.origins.preflight(request, route.methods)
        return withCors(context, request, await serve(context, request, route))
      } catch (error) {
        context.report(error, { route: route?.name })
        return withCors(context, request, internalError())
      }
    },
    close() {
      context.hub.close()
    },
  }
}

/** A matched route: the origin check and the token (for browser routes), then the handler. */
async function serve(context: ProxyContext, request: Request, route: Route): Promise<Response> {
  // Server to server, authenticated by its signature: no Origin to check, no token.
  if (route.name === 'webhooks') return receiveWebhook(context, request)
  const refused = context.origins.check(request)
  if (refused !== undefined) {
    return errorResponse({ status: 403, type: 'permission_error', ...refused })
  }
  if (route.name === 'token') return issueToken(context, request)
  const claims = await authenticate(context, request, { query: route.name === 'events' })
  if (claims instanceof Response) return claims
  switch (route.name) {
    case 'send':
      return sendMessage(context, request, claims)
    case 'getMessage':
      return getMessage(context, request, claims, route.messageId!)
    case 'listTemplates':
      return listTemplates(context, request)
    case 'events':
      return streamEvents(context, request, claims)
  }
}

function withCors(context: ProxyContext, request: Request, response: Response): Response {
  for (const [name, value] of Object.entries(context.origins.headers(request))) {
    response.headers.set(name, value)
  }
  return response
}
