/**
 * @module The OpenAPI 3.1 document `GET /v1/openapi.json` serves: every operation the
 * emulator serves, every status each can answer with its envelope and headers, every error
 * code and limit, built from the tables the emulator itself runs on.
 */
import { codesOfStatus } from '../errors/error-codes.ts'
import { FAULT_KINDS } from '../faults/fault-registry.ts'
import { TEMPLATE_STATUSES } from '../options.ts'
import {
  DEFAULT_PAGE_SIZE,
  LIMITS,
  MAX_BODY_BYTES,
  MAX_DEPTH,
  PATTERNS,
} from '../validation/limits.ts'
import { REQUEST_SCHEMAS } from './request-schemas.ts'
import { ERROR_STATUSES, RESPONSE_SCHEMAS } from './response-schemas.ts'
import { integer, matching, oneOf, ref, type Schema, string } from './schema.ts'

const json = (schema: Schema) => ({ 'application/json': { schema } })
const header = (name: string) => ({ $ref: `#/components/headers/${name}` })

/** Headers on every `/v1` answer. */
const COMMON_HEADERS = {
  'X-Request-Id': header('X-Request-Id'),
  'X-RateLimit-Limit': header('X-RateLimit-Limit'),
  'X-RateLimit-Remaining': header('X-RateLimit-Remaining'),
  'X-RateLimit-Reset': header('X-RateLimit-Reset'),
}
/** Answers of writes sent with an `Idempotency-Key` that reached processing carry this. */
const REPLAY_HEADERS = { ...COMMON_HEADERS, 'Idempotent-Replayed': header('Idempotent-Replayed') }

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request: the body, a query parameter or a header breaks a rule (`param` names it).',
  401: 'No API key, an invalid one, or an expired one.',
  403: '`from` is not a number of this organisation.',
  404: 'No such resource in this organisation.',
  405: 'A known path with another method (`Allow` lists the methods).',
  409: 'A request with the same Idempotency-Key is still being processed (see Retry-After).',
  413: `The serialised body is larger than ${MAX_BODY_BYTES} bytes (1 MiB).`,
  415: 'The body is not sent as `application/json`.',
  422: 'Idempotency-Key reused with another body, or no number to send from.',
  429: 'A rate-limit bucket is empty (see Retry-After).',
  500: 'Something went wrong on the server side: retry.',
  503: 'WhatsApp is unavailable: retry after Retry-After.',
}

/** Statuses whose answers say when to retry. */
const RETRY_AFTER = new Set([409, 429, 503])

const errorResponse = (status: number) => ({
  description: `${ERROR_DESCRIPTIONS[status]} Codes: ${codesOfStatus(status).join(', ')}.`,
  headers: RETRY_AFTER.has(status)
    ? { ...COMMON_HEADERS, 'Retry-After': header('Retry-After') }
    : COMMON_HEADERS,
  content: json(ref(`Error${status}`)),
})

/** Error answers of a write that went through the idempotency gate also say whether replayed. */
const replayedErrorResponse = (status: number) => {
  const response = errorResponse(status)
  return {
    ...response,
    headers: { ...response.headers, 'Idempotent-Replayed': header('Idempotent-Replayed') },
  }
}

const errors = (statuses: readonly number[], replayed: readonly number[] = []) =>
  Object.fromEntries(
    statuses.map((status) => [
      String(status),
      replayed.includes(status)
        ? replayedErrorResponse(status)
        : { $ref: `#/components/responses/Error${status}` },
    ]),
  )

/** Statuses every `/v1` operation can answer: injected faults, rate limits, a bad fault header. */
const ANY = [400, 429, 500, 503]
/** …and every operation that needs a key. */
const AUTHENTICATED = [...ANY, 401]

const ok = (status: number, description: string, schema: string, headers = COMMON_HEADERS) => ({
  [String(status)]: { description, headers, content: json(ref(schema)) },
})

const parameter = (name: string) => ({ $ref: `#/components/parameters/${name}` })
const EMULATOR_PARAMETERS = [parameter('X-Emulator-Fault'), parameter('X-Emulator-Latency')]

/** The `{id}` of a resource path: opaque, never empty. */
const idInPath = (extra: Schema = {}) =>
  ({ name: 'id', in: 'path', required: true, schema: string({ min: 1 }, extra) }) as const
const WRITE_PARAMETERS = [parameter('Idempotency-Key'), ...EMULATOR_PARAMETERS]

/** The document, as plain JSON data. */
export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Kirim API (emulator)',
    version: '1.0.0',
    description: [
      'The Kirim v1 API as served by @kirim/emulator: send WhatsApp messages, read them back, list templates, manage webhook subscriptions.',
      `Every error is \`{ error: { type, code, message, param?, request_id } }\` with the same id in \`X-Request-Id\`; every /v1 answer carries \`X-RateLimit-*\`. Bodies are at most ${MAX_BODY_BYTES} bytes and ${MAX_DEPTH} levels deep; unknown fields are refused wherever Kirim defines the shape.`,
      'Emulator only: an unknown /v1 path answers 404 `resource_not_found` (401 without a key), another method on a known path 405 `method_not_allowed`; the `X-Emulator-Fault` and `X-Emulator-Latency` headers inject faults; the control API lives under /_emulator/ (not described here). Served on a port (`@kirim/emulator/node`), headers over 32 KiB answer 431 `request_header_fields_too_large` and malformed HTTP 400 `malformed_request`.',
    ].join('\n\n'),
  },
  servers: [{ url: 'https://api-kckit.kirim.chat' }],
  security: [{ bearerAuth: [] }],
  paths: {
    '/v1/messages': {
      post: {
        operationId: 'sendMessage',
        summary: 'Send a WhatsApp message',
        parameters: WRITE_PARAMETERS,
        requestBody: { required: true, content: json(ref('SendMessageBody')) },
        responses: {
          ...ok(
            202,
            'Accepted (or failed at once: `data.status` is `failed` with `error`).',
            'MessageEnvelope',
            REPLAY_HEADERS,
          ),
          ...errors([...AUTHENTICATED, 403, 409, 413, 415, 422], [400, 403, 422]),
        },
      },
    },
    '/v1/messages/{id}': {
      get: {
        operationId: 'getMessage',
        summary: 'Retrieve a message',
        parameters: [
          idInPath({ examples: ['msg_01HXYZABCDEFGHJKMNPQRSTVWX'] }),
          ...EMULATOR_PARAMETERS,
        ],
        responses: {
          ...ok(200, 'The message as it is now.', 'MessageEnvelope'),
          ...errors([...AUTHENTICATED, 404]),
        },
      },
    },
    '/v1/templates': {
      get: {
        operationId: 'listTemplates',
        summary: 'List message templates',
        parameters: [
          { name: 'status', in: 'query', schema: oneOf(TEMPLATE_STATUSES) },
          {
            name: 'language',
            in: 'query',
            schema: matching(PATTERNS.languageCode, { examples: ['id_ID'] }),
          },
          { name: 'name', in: 'query', schema: matching(PATTERNS.templateName) },
          {
            name: 'limit',
            in: 'query',
            schema: {
              ...integer,
              minimum: LIMITS.pageSize.min,
              maximum: LIMITS.pageSize.max,
              default: DEFAULT_PAGE_SIZE,
            },
          },
          {
            name: 'cursor',
            in: 'query',
            schema: string({ min: 1 }),
            description: '`next_cursor` of the previous page, verbatim, with the same filters.',
          },
          ...EMULATOR_PARAMETERS,
        ],
        responses: {
          ...ok(200, 'A page of templates.', 'TemplatePage'),
          ...errors(AUTHENTICATED),
        },
      },
    },
    '/v1/me': {
      get: {
        operationId: 'getMe',
        summary: 'The organisation, the key in use and its rate limits',
        parameters: EMULATOR_PARAMETERS,
        responses: { ...ok(200, 'Who you are.', 'MeEnvelope'), ...errors(AUTHENTICATED) },
      },
    },
    '/v1/webhook_subscriptions': {
      post: {
        operationId: 'createWebhookSubscription',
        summary: 'Subscribe an https URL to events',
        parameters: WRITE_PARAMETERS,
        requestBody: { required: true, content: json(ref('CreateWebhookSubscriptionBody')) },
        responses: {
          ...ok(
            201,
            'Created; the signing secret is shown this once as `initial_secret`.',
            'CreatedWebhookSubscriptionEnvelope',
            REPLAY_HEADERS,
          ),
          ...errors([...AUTHENTICATED, 409, 413, 415, 422], [400]),
        },
      },
      get: {
        operationId: 'listWebhookSubscriptions',
        summary: "This organisation's webhook subscriptions (never their secrets)",
        parameters: EMULATOR_PARAMETERS,
        responses: {
          ...ok(200, 'Every subscription, on one page.', 'WebhookSubscriptionPage'),
          ...errors(AUTHENTICATED),
        },
      },
    },
    '/v1/webhook_subscriptions/{id}': {
      delete: {
        operationId: 'deleteWebhookSubscription',
        summary: 'Delete a webhook subscription',
        parameters: [idInPath(), ...EMULATOR_PARAMETERS],
        responses: {
          ...ok(200, 'Deleted.', 'DeletedWebhookSubscriptionEnvelope'),
          ...errors([...AUTHENTICATED, 404]),
        },
      },
    },
    '/v1/health': {
      get: {
        operationId: 'health',
        summary: 'Liveness (no key needed)',
        security: [],
        parameters: EMULATOR_PARAMETERS,
        responses: { ...ok(200, 'Up.', 'HealthEnvelope'), ...errors(ANY) },
      },
    },
    '/v1/openapi.json': {
      get: {
        operationId: 'getOpenApiDocument',
        summary: 'This document (no key needed)',
        security: [],
        parameters: EMULATOR_PARAMETERS,
        responses: {
          '200': {
            description: 'OpenAPI 3.1.',
            headers: COMMON_HEADERS,
            content: json({ type: 'object', required: ['openapi', 'info', 'paths'] }),
          },
          ...errors(ANY),
        },
      },
    },
  },
  components: {
    securitySchemes: {
      bearerAuth: { type: 'http', scheme: 'bearer', description: 'A `kdv_live_…` API key.' },
    },
    parameters: {
      'Idempotency-Key': {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        schema: string(LIMITS.idempotencyKey, { pattern: PATTERNS.idempotencyKey.source }),
        description:
          'Replays the first accepted answer for 24 h (`Idempotent-Replayed: true`); another body answers 422, a request still running 409. A UUID v4 is advised.',
      },
      'X-Emulator-Fault': {
        name: 'X-Emulator-Fault',
        in: 'header',
        required: false,
        schema: oneOf(FAULT_KINDS),
        description: 'Emulator only: inject a fault into this request.',
      },
      'X-Emulator-Latency': {
        name: 'X-Emulator-Latency',
        in: 'header',
        required: false,
        schema: { ...integer, minimum: 0, maximum: 120_000 },
        description: 'Emulator only: wait this many ms before answering.',
      },
    },
    headers: {
      'X-Request-Id': {
        required: true,
        schema: string({}, { pattern: '^req_[0-9A-HJKMNP-TV-Z]{26}$' }),
        description: 'The `request_id` of the answer.',
      },
      'X-RateLimit-Limit': {
        required: true,
        schema: { ...integer, minimum: 1 },
        description: 'Requests a minute in this bucket.',
      },
      'X-RateLimit-Remaining': {
        required: true,
        schema: { ...integer, minimum: 0 },
        description: 'Requests left now.',
      },
      'X-RateLimit-Reset': {
        required: true,
        schema: { ...integer, minimum: 0 },
        description: 'Epoch second when the bucket is full again.',
      },
      'Retry-After': {
        required: true,
        schema: { ...integer, minimum: 0 },
        description: 'Seconds to wait before retrying.',
      },
      'Idempotent-Replayed': {
        required: false,
        schema: oneOf(['true', 'false']),
        description:
          'Present when an Idempotency-Key was sent: whether this is a replay of the first answer.',
      },
    },
    responses: Object.fromEntries(
      ERROR_STATUSES.map((status) => [`Error${status}`, errorResponse(status)]),
    ),
    schemas: { ...REQUEST_SCHEMAS, ...RESPONSE_SCHEMAS },
  },
} as const
