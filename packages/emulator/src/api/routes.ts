import type { ApiResult } from '../http/result.ts'
import { getMessage } from '../messages/get-message.ts'
import { sendMessage } from '../messages/send-message.ts'
import { listTemplates } from '../templates/list-templates.ts'
import {
  createSubscription,
  deleteSubscription,
  listSubscriptions,
} from '../webhooks/subscriptions.ts'
import type { ApiCall } from './api-call.ts'
import { getHealth } from './health.ts'
import { getMe } from './me.ts'
import { getOpenApi } from './openapi.ts'

type RouteHandler = (call: ApiCall, params: readonly string[]) => Promise<ApiResult>

interface Route {
  readonly pattern: RegExp
  readonly methods: Readonly<Record<string, RouteHandler>>
  /** Answers without an API key. */
  readonly public: boolean
}

const ROUTES: readonly Route[] = [
  { pattern: /^\/v1\/messages$/, methods: { POST: sendMessage }, public: false },
  {
    pattern: /^\/v1\/messages\/([^/]+)$/,
    methods: { GET: (call, [id = '']) => getMessage(call, id) },
    public: false,
  },
  { pattern: /^\/v1\/templates$/, methods: { GET: listTemplates }, public: false },
  { pattern: /^\/v1\/me$/, methods: { GET: getMe }, public: false },
  {
    pattern: /^\/v1\/webhook_subscriptions$/,
    methods: { GET: listSubscriptions, POST: createSubscription },
    public: false,
  },
  {
    pattern: /^\/v1\/webhook_subscriptions\/([^/]+)$/,
    methods: { DELETE: (call, [id = '']) => deleteSubscription(call, id) },
    public: false,
  },
  { pattern: /^\/v1\/health$/, methods: { GET: getHealth }, public: true },
  { pattern: /^\/v1\/openapi\.json$/, methods: { GET: getOpenApi }, public: true },
]

/** Where a request lands. */
export type RouteMatch =
  | {
      readonly kind: 'found'
      readonly public: boolean
      readonly run: (call: ApiCall) => Promise<ApiResult>
    }
  | { readonly kind: 'method_not_allowed'; readonly public: boolean; readonly allow: string }
  | { readonly kind: 'not_found'; readonly public: false }

const decode = (segment: string): string => {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/** Matches a `/v1/` path and method (HEAD is served by the GET handler). */
export function matchRoute(path: string, method: string): RouteMatch {
  for (const route of ROUTES) {
    const match = route.pattern.exec(path)
    if (match === null) continue
    const handler = route.methods[method === 'HEAD' ? 'GET' : method]
    if (handler === undefined) {
      const methods = Object.keys(route.methods).flatMap((m) =>
        m === 'GET' ? ['GET', 'HEAD'] : [m],
      )
      return { kind: 'method_not_allowed', public: route.public, allow: methods.join(', ') }
    }
    const params = match.slice(1).map(decode)
    return { kind: 'found', public: route.public, run: (call) => handler(call, params) }
  }
  return { kind: 'not_found', public: false }
}
