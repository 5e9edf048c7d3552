import { parseDuration } from '../clock/duration.ts'
import type { EmulatorContext } from '../context.ts'
import { ApiError, internalError, invalidField, missingField } from '../errors/api-error.ts'
import { parseJson, readBodyText } from '../http/read-json.ts'
import { type ApiResult, errorResult, jsonResult, toResponse } from '../http/result.ts'
import { toStoredMessage } from '../messages/message.ts'
import { asObject, asString } from '../validation/fields.ts'
import { receiveInbound } from './inbound.ts'
import { readWindow } from './read-window.ts'

/** What the control API needs beyond the context. */
export interface ControlActions {
  advance(ms: number): Promise<void>
  reset(): void
}

type Handler = (
  body: () => Promise<unknown>,
  url: URL,
) => Promise<{ status?: number; value: unknown }>

const readBody = async (request: Request): Promise<unknown> => {
  const text = await readBodyText(request)
  return text.trim() === '' ? {} : parseJson(text)
}

function webhookTarget(input: unknown) {
  const body = asObject(input, '')
  if (body.url === undefined) throw missingField('url')
  const url = asString(body.url, 'url', { min: 1 })
  let parsed: URL | undefined
  try {
    parsed = new URL(url)
  } catch {
    parsed = undefined
  }
  if (parsed === undefined || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    throw new ApiError({
      status: 400,
      type: 'invalid_request_error',
      code: 'invalid_webhook_url',
      param: 'url',
      message: `url must be an absolute http(s) URL (got "${url}").`,
    })
  }
  if (body.secret === undefined) throw missingField('secret')
  return { url, secret: asString(body.secret, 'secret', { min: 1 }) }
}

function controlRoutes(
  context: EmulatorContext,
  actions: ControlActions,
): Record<string, Record<string, Handler>> {
  const now = () => ({ now: new Date(context.time.now()).toISOString() })
  return {
    '/_emulator/messages': {
      GET: async () => ({ value: { data: context.store.listMessages().map(toStoredMessage) } }),
    },
    '/_emulator/inbound': {
      POST: async (body) => ({ value: { data: receiveInbound(context, await body()) } }),
    },
    '/_emulator/window': {
      GET: async (_, url) => ({ value: { data: readWindow(context, url.searchParams) } }),
    },
    '/_emulator/faults': {
      GET: async () => ({ value: { data: context.faults.list() } }),
      POST: async (body) => ({
        status: 201,
        value: { data: context.faults.add(await body(), context.time.now()) },
      }),
      DELETE: async () => {
        context.faults.clear()
        return { value: { data: [] } }
      },
    },
    '/_emulator/clock': {
      GET: async () => ({ value: now() }),
      POST: async (body) => {
        const input = asObject(await body(), '')
        if (input.advance === undefined) throw missingField('advance')
        if (typeof input.advance !== 'string' && typeof input.advance !== 'number') {
          throw invalidField(
            'advance',
            'advance must be ms or a duration such as "25h", "10m", "30s".',
          )
        }
        let ms: number
        try {
          ms = parseDuration(input.advance)
        } catch (error) {
          throw invalidField('advance', (error as Error).message)
        }
        await actions.advance(ms)
        return { value: now() }
      },
    },
    '/_emulator/webhook': {
      GET: async () => ({
        value: {
          data: context.webhooks.target === undefined ? null : { url: context.webhooks.target.url },
        },
      }),
      PUT: async (body) => {
        const target = webhookTarget(await body())
        context.webhooks.target = target
        return { value: { data: { url: target.url } } }
      },
      DELETE: async () => {
        context.webhooks.target = undefined
        return { value: { data: null } }
      },
    },
    '/_emulator/webhooks': {
      GET: async () => ({ value: { data: context.store.listDeliveries() } }),
    },
    '/_emulator/reset': {
      POST: async () => {
        actions.reset()
        return { value: { data: { reset: true } } }
      },
    },
  }
}

/**
 * The control API under `/_emulator/`: no API key, CORS open. Returns the handler for
 * requests whose path starts with `/_emulator/`.
 */
export function createControlHandler(
  context: EmulatorContext,
  actions: ControlActions,
): (request: Request, url: URL, requestId: string) => Promise<Response> {
  const routes = controlRoutes(context, actions)
  return async (request, url, requestId) => {
    const method = request.method.toUpperCase()
    const route = routes[url.pathname]
    let result: ApiResult
    try {
      if (route === undefined) {
        throw new ApiError({
          status: 404,
          type: 'not_found',
          code: 'resource_not_found',
          message: `No route ${method} ${url.pathname}.`,
        })
      }
      const handler = route[method === 'HEAD' ? 'GET' : method]
      if (handler === undefined) {
        const allow = Object.keys(route).join(', ')
        throw new ApiError({
          status: 405,
          type: 'invalid_request_error',
          code: 'method_not_allowed',
          message: `${method} is not allowed on ${url.pathname}; use ${allow}.`,
          headers: { Allow: allow },
        })
      }
      const { status = 200, value } = await handler(() => readBody(request), url)
      result = jsonResult(status, value, requestId)
    } catch (error) {
      await request.body?.cancel().catch(() => {})
      if (!(error instanceof ApiError))
        console.error('[kirim-emulator] control handler failed:', error)
      result = errorResult(
        error instanceof ApiError ? error : internalError('Unexpected emulator error.'),
        requestId,
      )
    }
    return toResponse(result, method)
  }
}
