/**
 * The response schemas: the Message, templates, the organisation, webhook subscriptions,
 * and the error envelope of each status with its codes as enums (from the emulator's error
 * table, so a code cannot be answered without being documented).
 */
import { type ApiErrorType, codesOfStatus, ERROR_CODES } from '../errors/error-codes.ts'
import { FAILURES } from '../messages/failures.ts'
import { TEMPLATE_CATEGORIES, TEMPLATE_STATUSES } from '../options.ts'
import { MESSAGE_TYPES, PATTERNS } from '../validation/limits.ts'
import { EVENT_TYPES } from '../webhooks/subscription.ts'
import {
  array,
  boolean,
  constant,
  integer,
  matching,
  oneOf,
  open,
  ref,
  type Schema,
  string,
} from './schema.ts'

/** `<prefix>_<26 Crockford base32>`. */
const id = (prefix: string): Schema => string({}, { pattern: `^${prefix}_[0-9A-HJKMNP-TV-Z]{26}$` })
const time = string({}, { format: 'date-time' })
const nullable = (schema: Schema): Schema => ({ ...schema, type: [schema.type, 'null'] })

/** A closed response object: the emulator answers exactly these fields. */
const object = (
  properties: Record<string, Schema>,
  required: readonly string[] = Object.keys(properties),
): Schema => ({
  type: 'object',
  additionalProperties: false,
  properties,
  required: [...required],
})

const envelope = (data: Schema): Schema => object({ data, request_id: id('req') })

/** The HTTP statuses of error answers, each with its codes. */
export const ERROR_STATUSES = [
  ...new Set(Object.values(ERROR_CODES).map((entry) => entry.status)),
].sort((a, b) => a - b)

const typesOfStatus = (status: number): ApiErrorType[] => [
  ...new Set(codesOfStatus(status).map((code) => ERROR_CODES[code].type)),
]

const errorEnvelope = (status: number): Schema => {
  const types = typesOfStatus(status)
  return object({
    error: object(
      {
        type: types.length === 1 ? constant(types[0]!) : oneOf(types),
        code: oneOf(codesOfStatus(status)),
        message: string({ min: 1 }, { description: 'For people; branch on `code`.' }),
        param: string({}, { description: 'The field (path) or header the error is about.' }),
        request_id: id('req'),
      },
      ['type', 'code', 'message', 'request_id'],
    ),
  })
}

const message = object(
  {
    id: id('msg'),
    object: constant('message'),
    from: matching(PATTERNS.e164),
    to: matching(PATTERNS.e164),
    type: oneOf(MESSAGE_TYPES),
    status: oneOf(['pending', 'sent', 'delivered', 'read', 'failed']),
    created_at: time,
    updated_at: time,
    provider_message_id: nullable(
      string(
        {},
        {
          pattern: '^wamid\\.',
          description: "Meta's id; null when the send failed before reaching Meta.",
        },
      ),
    ),
    error: object({
      code: ref('DeliveryFailureCode'),
      message: string({ min: 1 }),
      provider_code: { ...integer, description: "Meta's error code." },
    }),
  },
  ['id', 'object', 'to', 'type', 'status', 'created_at', 'updated_at', 'provider_message_id'],
)

const subscription = {
  id: id('wbs'),
  object: constant('webhook_subscription'),
  url: string({ min: 1 }),
  events: array(oneOf(EVENT_TYPES)),
  description: nullable(string()),
  created_at: time,
}

/** The response schemas, by name under `components.schemas`. */
export const RESPONSE_SCHEMAS: Record<string, Schema> = {
  ErrorType: oneOf([...new Set(Object.values(ERROR_CODES).map((entry) => entry.type))]),
  ErrorCode: oneOf(Object.keys(ERROR_CODES)),
  DeliveryFailureCode: oneOf(Object.keys(FAILURES)),
  ...Object.fromEntries(ERROR_STATUSES.map((status) => [`Error${status}`, errorEnvelope(status)])),
  Message: { ...message, description: '`error` is present only when `status` is `failed`.' },
  MessageEnvelope: envelope(ref('Message')),
  Template: object({
    id: id('tmpl'),
    object: constant('template'),
    name: matching(PATTERNS.templateName),
    language: string(),
    status: oneOf(TEMPLATE_STATUSES),
    category: oneOf(TEMPLATE_CATEGORIES),
    components: array(
      open(
        {
          type: oneOf(['HEADER', 'BODY', 'FOOTER', 'BUTTONS']),
          format: oneOf(['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION']),
          text: string(),
          buttons: array(open({ type: string(), text: string() }, ['type', 'text'])),
        },
        ['type'],
      ),
    ),
  }),
  TemplatePage: object({
    data: array(ref('Template')),
    has_more: boolean,
    next_cursor: nullable(string({ min: 1 }, { description: 'Pass verbatim as `cursor`.' })),
    request_id: id('req'),
  }),
  MeEnvelope: envelope(
    object({
      organization: object({ id: id('org'), object: constant('organization'), name: string() }),
      api_key: object({
        id: id('key'),
        object: constant('api_key'),
        label: string(),
        last4: string({ min: 4, max: 4 }),
      }),
      rate_limits: object({
        tier: oneOf(['free', 'pro', 'custom']),
        write_per_minute: integer,
        read_per_minute: integer,
      }),
    }),
  ),
  WebhookSubscription: object(subscription),
  CreatedWebhookSubscriptionEnvelope: envelope(
    object({
      ...subscription,
      initial_secret: string({}, { pattern: '^whsec_', description: 'Shown once, here.' }),
    }),
  ),
  WebhookSubscriptionPage: object({
    data: array(ref('WebhookSubscription')),
    has_more: boolean,
    next_cursor: { type: 'null' },
    request_id: id('req'),
  }),
  DeletedWebhookSubscriptionEnvelope: envelope(
    object({
      id: string({ min: 1 }),
      object: constant('webhook_subscription'),
      deleted: { const: true },
    }),
  ),
  HealthEnvelope: envelope(object({ status: constant('ok') })),
}
