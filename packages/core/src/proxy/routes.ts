/**
 * The route table: the only paths the proxy answers, one row each (path, methods, guard,
 * handler), matched exactly. The upstream URL is built by each handler from the matched row (a
 * fixed path and a validated id), never from the request's path, so nothing a browser writes in
 * a path can reach another upstream endpoint.
 */
import type { ProxyContext } from './context.ts'
import { PROXY_ERRORS } from './errors.ts'
import type { ClaimsOf, Guard } from './guard.ts'
import { getMessage } from './handlers/getMessage.ts'
import { issueToken } from './handlers/issueToken.ts'
import { listTemplates } from './handlers/listTemplates.ts'
import { receiveWebhook } from './handlers/receiveWebhook.ts'
import { sendMessage } from './handlers/sendMessage.ts'
import { streamEvents } from './handlers/streamEvents.ts'
import { CROCKFORD } from './response.ts'
import type { TokenClaims } from './token.ts'

/** The `{id}` of a pattern path: a string for `/v1/messages/{id}`, else nothing. */
type IdOf<TPath extends string> = TPath extends `${string}{id}` ? string : undefined

/** One row of the table. */
export interface Route<TName extends string = string> {
  /** What `onError` is told (`ProxyErrorContext.route`). */
  readonly name: TName
  /** Under `basePath`; a trailing `{id}` matches the rest of the path. */
  readonly path: string
  /** The methods the route answers (and `OPTIONS`, the CORS preflight, unless `guard` is `none`). */
  readonly methods: readonly string[]
  /** For a `{id}` path: the form of an id; any other is 404 `resource_not_found`. */
  readonly ids?: RegExp
  readonly guard: Guard
  /** Called once the guard passed, with what it established. */
  handle(
    context: ProxyContext,
    request: Request,
    claims: TokenClaims | undefined,
    id: string | undefined,
  ): Response | Promise<Response>
}

/* @__NO_SIDE_EFFECTS__ */
function route<
  const TName extends string,
  const TPath extends string,
  const TGuard extends Guard,
>(row: {
  readonly name: TName
  readonly path: TPath
  readonly methods: readonly string[]
  readonly ids?: RegExp
  readonly guard: TGuard
  readonly handle: (
    context: ProxyContext,
    request: Request,
    claims: ClaimsOf<TGuard>,
    id: IdOf<TPath>,
  ) => Response | Promise<Response>
}): Route<TName> {
  return row as unknown as Route<TName>
}

/** `msg_` and 26 Crockford base32 characters, upper case (Kirim's ULID ids). */
export const MESSAGE_ID = new RegExp(`^msg_[${CROCKFORD}]{26}$`)

/** Every route, in the order the 404 answer lists them. */
export const ROUTES = [
  route({ name: 'token', path: '/token', methods: ['POST'], guard: 'origin', handle: issueToken }),
  route({
    name: 'send',
    path: '/v1/messages',
    methods: ['POST'],
    guard: 'token',
    handle: sendMessage,
  }),
  route({
    name: 'getMessage',
    path: '/v1/messages/{id}',
    methods: ['GET'],
    ids: MESSAGE_ID,
    guard: 'token',
    handle: getMessage,
  }),
  route({
    name: 'listTemplates',
    path: '/v1/templates',
    methods: ['GET'],
    guard: 'token',
    handle: listTemplates,
  }),
  // Server to server, authenticated by its signature: no Origin to check, no token.
  route({
    name: 'webhooks',
    path: '/webhooks',
    methods: ['POST'],
    guard: 'none',
    handle: receiveWebhook,
  }),
  route({
    name: 'events',
    path: '/events',
    methods: ['GET'],
    guard: 'token or query',
    handle: streamEvents,
  }),
] as const

/** The routes under `basePath`. */
export type RouteName = (typeof ROUTES)[number]['name']

/** A matched route, with the `{id}` it matched. */
export type MatchedRoute = Route<RouteName> & { readonly id?: string }

/** Why a request matched no route (the code's status, from the catalogue). */
export interface RouteRefusal {
  readonly status: number
  readonly code:
    | 'invalid_path'
    | 'invalid_request_target'
    | 'route_not_found'
    | 'resource_not_found'
    | 'method_not_allowed'
  readonly message: string
  /** For 405: the methods the path answers. */
  readonly allow?: readonly string[]
}

const ID = '{id}'
const STATIC = new Map<string, Route<RouteName>>(
  ROUTES.filter((row) => !row.path.endsWith(ID)).map((row) => [row.path, row]),
)
const PATTERNS = ROUTES.filter((row) => row.path.endsWith(ID)).map(
  (row) => [row.path.slice(0, -ID.length), row] as const,
)

const listed = ROUTES.map((row) => `${row.methods.join('/')} ${row.path}`)
const ROUTE_LIST = `${listed.slice(0, -1).join(', ')} and ${listed.at(-1)}`

const refusal = (
  code: RouteRefusal['code'],
  message: string = PROXY_ERRORS[code].message,
  allow?: readonly string[],
): RouteRefusal => ({
  status: PROXY_ERRORS[code].status,
  code,
  message,
  ...(allow === undefined ? {} : { allow }),
})

/**
 * Percent-encoding (an encoded `/`, `\` or `.` may be decoded by a server behind us), a
 * backslash, an empty segment or a dot segment. `new Request` already resolves literal dot
 * segments, but the check does not rely on that: no route has any of these.
 */
const SUSPICIOUS_PATH = /%|\\|\/\/|(?:^|\/)\.{1,2}(?:\/|$)/

/** The path as the client sent it, before the URL parser resolved anything. */
function rawPath(url: string): string {
  const afterScheme = url.indexOf('//')
  const pathStart = afterScheme === -1 ? 0 : url.indexOf('/', afterScheme + 2)
  if (pathStart === -1) return '/'
  const end = url.slice(pathStart).search(/[?#]/)
  return end === -1 ? url.slice(pathStart) : url.slice(pathStart, pathStart + end)
}

/** The `Host` header as a URL authority (lower case, default port dropped), or `undefined`. */
function authorityOf(protocol: string, host: string): string | undefined {
  if (/[/?#@\\\s]/.test(host)) return undefined
  try {
    return new URL(`${protocol}//${host}`).host
  } catch {
    return undefined
  }
}

/** The row whose path is `sub`, with its `{id}`; or the 404 for an id that cannot exist. */
function find(sub: string): MatchedRoute | RouteRefusal | undefined {
  const row = STATIC.get(sub)
  if (row !== undefined) return row
  for (const [prefix, pattern] of PATTERNS) {
    if (!sub.startsWith(prefix)) continue
    const id = sub.slice(prefix.length)
    // Not an id of its kind: as unknown as an id that does not exist, so nothing is revealed.
    return pattern.ids === undefined || pattern.ids.test(id)
      ? { ...pattern, id }
      : refusal('resource_not_found')
  }
  return undefined
}

/**
 * Finds the route of `request` under `basePath`, or why there is none.
 *
 * @param basePath A validated base path: starts with `/`, no trailing `/` (or `''` for the root).
 */
export function matchRoute(request: Request, basePath: string): MatchedRoute | RouteRefusal {
  const url = new URL(request.url)
  const path = url.pathname
  if (SUSPICIOUS_PATH.test(path) || SUSPICIOUS_PATH.test(rawPath(request.url))) {
    return refusal('invalid_path')
  }
  // An absolute-form target (`GET http://elsewhere/…`) or a protocol-relative one
  // (`GET //elsewhere/…`) gives the URL another authority than the Host the request came to.
  const host = request.headers.get('host')
  if (host !== null && authorityOf(url.protocol, host) !== url.host) {
    return refusal('invalid_request_target')
  }
  const found = path.startsWith(`${basePath}/`) ? find(path.slice(basePath.length)) : undefined
  if (found === undefined) return refusal('route_not_found', `The proxy only serves ${ROUTE_LIST}.`)
  if (!isRoute(found) || found.methods.includes(request.method)) return found
  if (request.method === 'OPTIONS' && found.guard !== 'none') return found
  return refusal(
    'method_not_allowed',
    `${request.method} is not allowed here (allowed: ${found.methods.join(', ')}).`,
    found.methods,
  )
}

/** Whether `matchRoute` found a route. */
export function isRoute(result: MatchedRoute | RouteRefusal): result is MatchedRoute {
  return 'name' in result
}
