/**
 * The allowlist: the only paths the proxy answers, matched exactly. The upstream URL is built
 * from the matched route (a fixed path and a validated id), never from the request's path, so
 * nothing a browser writes in a path can reach another upstream endpoint.
 */

/** The routes under `basePath`. */
export type RouteName = 'token' | 'send' | 'getMessage' | 'listTemplates' | 'webhooks' | 'events'

/** A matched route. */
export interface Route {
  readonly name: RouteName
  /** The methods the route answers (besides `OPTIONS` for browser routes). */
  readonly methods: readonly string[]
  /** The `msg_…` id, for `getMessage`. */
  readonly messageId?: string
}

/** Why a request matched no route. */
export interface RouteRefusal {
  readonly status: 400 | 404 | 405
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

/** `msg_` and 26 Crockford base32 characters, upper case (Kirim's ULID ids). */
export const MESSAGE_ID = /^msg_[0-9A-HJKMNP-TV-Z]{26}$/

const STATIC: Readonly<Record<string, Route>> = {
  '/token': { name: 'token', methods: ['POST'] },
  '/v1/messages': { name: 'send', methods: ['POST'] },
  '/v1/templates': { name: 'listTemplates', methods: ['GET'] },
  '/webhooks': { name: 'webhooks', methods: ['POST'] },
  '/events': { name: 'events', methods: ['GET'] },
}
const MESSAGE_PREFIX = '/v1/messages/'

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

/**
 * Finds the route of `request` under `basePath`, or why there is none.
 *
 * @param basePath A validated base path: starts with `/`, no trailing `/` (or `''` for the root).
 */
export function matchRoute(request: Request, basePath: string): Route | RouteRefusal {
  const url = new URL(request.url)
  const path = url.pathname
  if (SUSPICIOUS_PATH.test(path) || SUSPICIOUS_PATH.test(rawPath(request.url))) {
    return {
      status: 400,
      code: 'invalid_path',
      message: 'The path has encoded characters, dot segments or empty segments.',
    }
  }
  // An absolute-form target (`GET http://elsewhere/…`) or a protocol-relative one
  // (`GET //elsewhere/…`) gives the URL another authority than the Host the request came to.
  const host = request.headers.get('host')
  if (host !== null && authorityOf(url.protocol, host) !== url.host) {
    return {
      status: 400,
      code: 'invalid_request_target',
      message: 'The request target names another host than the Host header.',
    }
  }
  if (!path.startsWith(`${basePath}/`)) return notFound()
  const sub = path.slice(basePath.length)
  let route = STATIC[sub]
  if (route === undefined && sub.startsWith(MESSAGE_PREFIX)) {
    const id = sub.slice(MESSAGE_PREFIX.length)
    // Not a `msg_` id: as unknown as an id that does not exist, so nothing is revealed.
    if (!MESSAGE_ID.test(id)) {
      return { status: 404, code: 'resource_not_found', message: 'No such message.' }
    }
    route = { name: 'getMessage', methods: ['GET'], messageId: id }
  }
  if (route === undefined) return notFound()
  if (route.methods.includes(request.method)) return route
  if (request.method === 'OPTIONS' && route.name !== 'webhooks') return route
  return {
    status: 405,
    code: 'method_not_allowed',
    message: `${request.method} is not allowed here (allowed: ${route.methods.join(', ')}).`,
    allow: route.methods,
  }
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

function notFound(): RouteRefusal {
  return {
    status: 404,
    code: 'route_not_found',
    message:
      'The proxy only serves POST /token, POST /v1/messages, GET /v1/messages/{id}, ' +
      'GET /v1/templates, POST /webhooks and GET /events.',
  }
}

/** Whether `matchRoute` found a route. */
export function isRoute(result: Route | RouteRefusal): result is Route {
  return 'name' in result
}
