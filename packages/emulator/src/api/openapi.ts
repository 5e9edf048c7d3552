import { type ApiResult, jsonResult } from '../http/result.ts'
import type { ApiCall } from './api-call.ts'

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const json = (schema: unknown) => ({ 'application/json': { schema } })
const errorResponse = (description: string) => ({
  description,
  content: json(ref('ErrorEnvelope')),
})
const str = (extra: Record<string, unknown> = {}) => ({ type: 'string', ...extra })
const E164 = { type: 'string', pattern: '^\\+[1-9]\\d{1,14}$', examples: ['+628111111111'] }
const httpsUrl = str({ format: 'uri', pattern: '^https://' })
const textObject = (max: number) => ({
  type: 'object',
  required: ['text'],
  properties: { text: str({ minLength: 1, maxLength: max }) },
})
const mediaHeader = (type: string) => ({
  type: 'object',
  required: ['type', type],
  properties: {
    type: { const: type },
    [type]: { type: 'object', required: ['url'], properties: { url: httpsUrl } },
  },
})
const sendBody = (type: string, payload: unknown) => ({
  type: 'object',
  required: ['to', 'type', type],
  properties: { from: E164, to: E164, type: { const: type }, [type]: payload },
})
const media = (caption: boolean, filename = false) => ({
  type: 'object',
  required: ['url'],
  properties: {
    url: httpsUrl,
    ...(caption ? { caption: str({ maxLength: 1024 }) } : {}),
    ...(filename ? { filename: str({ maxLength: 240 }) } : {}),
  },
  ...(caption ? {} : { not: { required: ['caption'] } }),
})

const rateHeaders = {
  'X-Request-Id': { schema: str() },
  'X-RateLimit-Limit': { schema: { type: 'integer' } },
  'X-RateLimit-Remaining': { schema: { type: 'integer' } },
  'X-RateLimit-Reset': { schema: { type: 'integer' }, description: 'Epoch seconds.' },
}

/** A small OpenAPI 3.1 description of the endpoints the emulator serves. */
export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Kirim API (emulator)',
    version: '1.0.0',
    description:
      'The Kirim v1 API as served by @kirim/emulator. Send WhatsApp messages, read templates.',
  },
  servers: [{ url: 'https://api-kckit.kirim.chat' }],
  security: [{ bearerAuth: [] }],
  paths: {
    '/v1/messages': {
      post: {
        operationId: 'sendMessage',
        summary: 'Send a WhatsApp message',
        parameters: [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            schema: str({ minLength: 1, maxLength: 255 }),
            description: 'Replays the first answer for 24 h; a different body answers 422.',
          },
        ],
        requestBody: { required: true, content: json(ref('SendMessageBody')) },
        responses: {
          '202': {
            description: 'Accepted (or failed at once: `data.status` is `failed`).',
            headers: {
              ...rateHeaders,
              'Idempotent-Replayed': { schema: { enum: ['true', 'false'] } },
            },
            content: json(ref('MessageEnvelope')),
          },
          '400': errorResponse('Invalid request'),
          '401': errorResponse('Invalid or expired API key'),
          '403': errorResponse('`from` is not connected to this organisation'),
          '409': errorResponse('The same Idempotency-Key is still being processed'),
          '413': errorResponse('Body larger than 1 MiB'),
          '415': errorResponse('Body is not application/json'),
          '422': errorResponse('Idempotency-Key reused, `from` required, or no verified number'),
          '429': errorResponse('Rate limit exceeded (see Retry-After)'),
        },
      },
    },
    '/v1/messages/{id}': {
      get: {
        operationId: 'getMessage',
        summary: 'Retrieve a message',
        parameters: [{ name: 'id', in: 'path', required: true, schema: str({ pattern: '^msg_' }) }],
        responses: {
          '200': {
            description: 'The message',
            headers: rateHeaders,
            content: json(ref('MessageEnvelope')),
          },
          '401': errorResponse('Invalid or expired API key'),
          '404': errorResponse('No such message in this organisation'),
        },
      },
    },
    '/v1/templates': {
      get: {
        operationId: 'listTemplates',
        summary: 'List message templates',
        parameters: [
          {
            name: 'status',
            in: 'query',
            schema: { enum: ['approved', 'pending', 'rejected', 'paused', 'disabled'] },
          },
          { name: 'language', in: 'query', schema: str({ examples: ['id_ID'] }) },
          { name: 'name', in: 'query', schema: str({ pattern: '^[a-z0-9_]{1,512}$' }) },
          {
            name: 'limit',
            in: 'query',
            schema: { type: 'integer', minimum: 1, maximum: 100, default: 25 },
          },
          {
            name: 'cursor',
            in: 'query',
            schema: str(),
            description: 'next_cursor of the previous page, verbatim.',
          },
        ],
        responses: {
          '200': {
            description: 'A page of templates',
            headers: rateHeaders,
            content: json(ref('TemplatePage')),
          },
          '400': errorResponse('invalid_limit, invalid_cursor or a bad filter'),
          '401': errorResponse('Invalid or expired API key'),
        },
      },
    },
    '/v1/me': {
      get: {
        operationId: 'getMe',
        summary: 'The organisation and key in use',
        responses: {
          '200': {
            description: 'Who you are',
            headers: rateHeaders,
            content: json(ref('MeEnvelope')),
          },
          '401': errorResponse('Invalid or expired API key'),
        },
      },
    },
    '/v1/health': {
      get: {
        operationId: 'health',
        summary: 'Liveness',
        security: [],
        responses: { '200': { description: 'Up', content: json({ type: 'object' }) } },
      },
    },
    '/v1/openapi.json': {
      get: {
        operationId: 'openapi',
        summary: 'This document',
        security: [],
        responses: { '200': { description: 'OpenAPI 3.1', content: json({ type: 'object' }) } },
      },
    },
  },
  components: {
    securitySchemes: {
      bearerAuth: { type: 'http', scheme: 'bearer', description: '`kdv_live_…` API key' },
    },
    schemas: {
      ErrorEnvelope: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['type', 'code', 'message', 'request_id'],
            properties: {
              type: str(),
              code: str(),
              message: str(),
              param: str(),
              request_id: str(),
            },
          },
        },
      },
      Message: {
        type: 'object',
        required: [
          'id',
          'object',
          'from',
          'to',
          'type',
          'status',
          'created_at',
          'updated_at',
          'provider_message_id',
        ],
        properties: {
          id: str({ pattern: '^msg_[0-9A-HJKMNP-TV-Z]{26}$' }),
          object: { const: 'message' },
          from: E164,
          to: E164,
          type: {
            enum: ['text', 'template', 'image', 'document', 'video', 'audio', 'interactive'],
          },
          status: { enum: ['pending', 'sent', 'delivered', 'read', 'failed'] },
          created_at: str({ format: 'date-time' }),
          updated_at: str({ format: 'date-time' }),
          provider_message_id: { type: ['string', 'null'] },
          error: {
            type: 'object',
            required: ['code', 'message', 'provider_code'],
            properties: { code: str(), message: str(), provider_code: { type: 'integer' } },
          },
        },
      },
      MessageEnvelope: {
        type: 'object',
        required: ['data', 'request_id'],
        properties: { data: ref('Message'), request_id: str() },
      },
      Template: {
        type: 'object',
        required: ['id', 'object', 'name', 'language', 'status', 'category', 'components'],
        properties: {
          id: str({ pattern: '^tmpl_' }),
          object: { const: 'template' },
          name: str(),
          language: str(),
          status: { enum: ['approved', 'pending', 'rejected', 'paused', 'disabled'] },
          category: { enum: ['MARKETING', 'UTILITY', 'AUTHENTICATION'] },
          components: {
            type: 'array',
            items: {
              type: 'object',
              required: ['type'],
              properties: {
                type: { enum: ['HEADER', 'BODY', 'FOOTER', 'BUTTONS'] },
                format: str(),
                text: str(),
                buttons: { type: 'array', items: { type: 'object' } },
              },
            },
          },
        },
      },
      TemplatePage: {
        type: 'object',
        required: ['data', 'has_more', 'next_cursor', 'request_id'],
        properties: {
          data: { type: 'array', items: ref('Template') },
          has_more: { type: 'boolean' },
          next_cursor: { type: ['string', 'null'] },
          request_id: str(),
        },
      },
      MeEnvelope: {
        type: 'object',
        required: ['data', 'request_id'],
        properties: {
          request_id: str(),
          data: {
            type: 'object',
            required: ['organization', 'api_key', 'rate_limits'],
            properties: {
              organization: {
                type: 'object',
                properties: { id: str(), object: { const: 'organization' }, name: str() },
              },
              api_key: {
                type: 'object',
                properties: { id: str(), object: { const: 'api_key' }, label: str(), last4: str() },
              },
              rate_limits: {
                type: 'object',
                properties: {
                  tier: str(),
                  write_per_minute: { type: 'integer' },
                  read_per_minute: { type: 'integer' },
                },
              },
            },
          },
        },
      },
      SendMessageBody: {
        oneOf: [
          sendBody('text', {
            type: 'object',
            required: ['body'],
            properties: {
              body: str({ minLength: 1, maxLength: 4096 }),
              preview_url: { type: 'boolean' },
            },
          }),
          sendBody('template', {
            type: 'object',
            required: ['name', 'language'],
            properties: {
              name: str({ pattern: '^[a-z0-9_]{1,512}$' }),
              language: {
                oneOf: [
                  str({ pattern: '^[a-z]{2,3}(_[A-Z]{2,4})?$' }),
                  {
                    type: 'object',
                    required: ['code'],
                    properties: { code: str(), policy: { const: 'deterministic' } },
                  },
                ],
              },
              components: {
                type: 'array',
                items: { type: 'object' },
                description: "Meta's shape, forwarded verbatim.",
              },
            },
          }),
          sendBody('image', media(true)),
          sendBody('document', media(true, true)),
          sendBody('video', media(true)),
          sendBody('audio', media(false)),
          sendBody('interactive', {
            type: 'object',
            required: ['type', 'body', 'action'],
            properties: {
              type: { enum: ['cta_url', 'list', 'button'] },
              header: {
                oneOf: [
                  {
                    type: 'object',
                    required: ['type', 'text'],
                    properties: {
                      type: { const: 'text' },
                      text: str({ minLength: 1, maxLength: 60 }),
                    },
                  },
                  mediaHeader('image'),
                  mediaHeader('video'),
                  mediaHeader('document'),
                ],
              },
              body: textObject(1024),
              footer: textObject(60),
              action: { type: 'object' },
            },
          }),
        ],
      },
    },
  },
} as const

/** `GET /v1/openapi.json`: no key needed. */
export async function getOpenApi(call: ApiCall): Promise<ApiResult> {
  await call.context.sleeper.sleep(call.latencyMs)
  return jsonResult(200, OPENAPI_DOCUMENT, call.requestId)
}
