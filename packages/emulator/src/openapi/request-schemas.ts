/**
 * The request bodies' schemas: `POST /v1/messages` for every message type with every limit,
 * and `POST /v1/webhook_subscriptions`. Kirim-defined objects are closed
 * (`additionalProperties: false`); template components, Meta's shape, are open.
 */
import { HEADER_TYPES } from '../validation/interactive.ts'
import { FIELDS, LIMITS, MESSAGE_TYPES, PATTERNS } from '../validation/limits.ts'
import {
  BODY_PARAMETER_TYPES,
  BUTTON_PARAMETER_TYPES,
  BUTTON_SUB_TYPES,
  HEADER_PARAMETER_TYPES,
} from '../validation/template.ts'
import { EVENT_TYPES } from '../webhooks/subscription.ts'
import {
  array,
  boolean,
  byType,
  closed,
  constant,
  httpsUrl,
  integer,
  matching,
  oneOf,
  open,
  ref,
  type Schema,
  string,
} from './schema.ts'

const E164 = matching(PATTERNS.e164, { examples: ['+628111111111'] })

/** `{ from?, to, type: <type>, <type>: payload }`, nothing else. */
const send = (type: string, payload: Schema, description: string): Schema =>
  closed(
    [...FIELDS.send, type],
    {
      from: { ...E164, description: 'Optional when the organisation has exactly one number.' },
      to: E164,
      type: constant(type),
      [type]: payload,
    },
    ['to', 'type', type],
    { title: `${type} message`, description },
  )

const caption = string(LIMITS.caption)

// --- template components (Meta's shape, forwarded verbatim: unknown keys pass) -------------

const nonEmpty = string(LIMITS.nonEmpty)

/** Meta's header media: an https `link` or a non-empty `id`, never both. */
const mediaObject = open({ link: httpsUrl(), id: nonEmpty }, [], {
  oneOf: [
    { required: ['link'], not: { required: ['id'] } },
    { required: ['id'], not: { required: ['link'] } },
  ],
})

const textParameter = open({ type: constant('text'), text: nonEmpty }, ['type', 'text'])

const headerParameter = byType(
  HEADER_PARAMETER_TYPES.map((type) =>
    type === 'text'
      ? textParameter
      : open({ type: constant(type), [type]: mediaObject }, ['type', type]),
  ),
)

const bodyParameter = byType(
  BODY_PARAMETER_TYPES.map((type) => {
    if (type === 'text') return textParameter
    if (type === 'currency')
      return open(
        {
          type: constant('currency'),
          currency: open(
            {
              fallback_value: nonEmpty,
              code: matching(PATTERNS.currencyCode, {
                description: 'ISO 4217, three upper-case letters.',
                examples: ['IDR'],
              }),
              amount_1000: { ...integer, description: 'The amount × 1000.' },
            },
            ['fallback_value', 'code', 'amount_1000'],
          ),
        },
        ['type', 'currency'],
      )
    return open(
      {
        type: constant('date_time'),
        date_time: open({ fallback_value: nonEmpty }, ['fallback_value']),
      },
      ['type', 'date_time'],
    )
  }),
)

const buttonParameter = byType(
  BUTTON_PARAMETER_TYPES.map((type) =>
    open({ type: constant(type), [type]: nonEmpty }, ['type', type]),
  ),
)

const templateComponent = byType([
  open(
    {
      type: constant('header'),
      parameters: array(headerParameter, LIMITS.headerParameters),
    },
    ['type', 'parameters'],
  ),
  open(
    {
      type: constant('body'),
      parameters: array(
        bodyParameter,
        {},
        {
          description: 'Positional: fill {{1}}, {{2}} … Omit for a template without variables.',
        },
      ),
    },
    ['type'],
  ),
  open(
    {
      type: constant('button'),
      sub_type: oneOf(BUTTON_SUB_TYPES),
      index: matching(PATTERNS.buttonIndex, { description: 'The button position, "0" to "9".' }),
      parameters: array(buttonParameter, LIMITS.buttonParameters),
    },
    ['type', 'sub_type', 'index', 'parameters'],
  ),
])

/** At most `max` components whose `type` is `type` (and any number of others). */
const atMost = (type: string, max: number): Schema => ({
  contains: { type: 'object', properties: { type: constant(type) }, required: ['type'] },
  minContains: 0,
  maxContains: max,
})

const template = closed(
  FIELDS.template,
  {
    name: matching(PATTERNS.templateName, { examples: ['order_confirmation'] }),
    language: {
      oneOf: [
        matching(PATTERNS.languageCode, { examples: ['id_ID'] }),
        closed(
          FIELDS.templateLanguage,
          { code: matching(PATTERNS.languageCode), policy: constant('deterministic') },
          ['code'],
        ),
      ],
    },
    components: array(
      templateComponent,
      {},
      {
        allOf: [atMost('header', 1), atMost('body', 1)],
        description:
          "Meta's shape, forwarded verbatim (unknown keys pass through). At most one header and one body; button indexes unique.",
      },
    ),
  },
  ['name', 'language'],
)

// --- interactive -------------------------------------------------------------------------

const textOf = (fields: readonly string[], length: (typeof LIMITS)[keyof typeof LIMITS]) =>
  closed(fields, { text: string(length) }, ['text'])

const header = (kind: keyof typeof HEADER_TYPES): Schema =>
  byType(
    HEADER_TYPES[kind].map((type) =>
      type === 'text'
        ? closed(
            [...FIELDS.interactiveHeader, 'text'],
            { type: constant('text'), text: string(LIMITS.headerText) },
            ['type', 'text'],
          )
        : closed(
            [...FIELDS.interactiveHeader, type],
            {
              type: constant(type),
              [type]: closed(FIELDS.interactiveHeaderMedia, { url: httpsUrl() }, ['url']),
            },
            ['type', type],
          ),
    ),
  )

const interactive = (kind: keyof typeof HEADER_TYPES, action: Schema, title: string): Schema =>
  closed(
    FIELDS.interactive,
    {
      type: constant(kind),
      header: header(kind),
      body: textOf(FIELDS.interactiveBody, LIMITS.interactiveBody),
      footer: textOf(FIELDS.interactiveFooter, LIMITS.footerText),
      action,
    },
    ['type', 'body', 'action'],
    { title },
  )

const ctaUrl = interactive(
  'cta_url',
  closed(
    FIELDS.ctaAction,
    {
      name: constant('cta_url'),
      parameters: closed(
        FIELDS.ctaParameters,
        { display_text: string(LIMITS.ctaDisplayText), url: httpsUrl() },
        ['display_text', 'url'],
      ),
    },
    ['name', 'parameters'],
  ),
  'cta_url: a button that opens a URL',
)

const section = closed(
  FIELDS.listSection,
  {
    title: string(LIMITS.onlySectionTitle, {
      description: `Required (${LIMITS.sectionTitle.min}–${LIMITS.sectionTitle.max}) once there are two or more sections.`,
    }),
    rows: array(
      closed(
        FIELDS.listRow,
        {
          id: string(LIMITS.rowId, { description: 'Unique across all sections.' }),
          title: string(LIMITS.rowTitle),
          description: string(LIMITS.rowDescription),
        },
        ['id', 'title'],
      ),
      { ...LIMITS.sectionRows, max: LIMITS.listRows.max },
    ),
  },
  ['rows'],
)

const list = interactive(
  'list',
  closed(
    FIELDS.listAction,
    {
      button: string(LIMITS.listButton),
      sections: array(section, LIMITS.listSections, {
        description: `At most ${LIMITS.listRows.max} rows in total across the sections; row ids unique.`,
        if: { minItems: 2 },
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, not a thenable.
        then: {
          items: {
            type: 'object',
            required: ['title'],
            properties: { title: string(LIMITS.sectionTitle) },
          },
        },
      }),
    },
    ['button', 'sections'],
  ),
  'list: a menu of rows in sections',
)

const buttons = interactive(
  'button',
  closed(
    FIELDS.buttonAction,
    {
      buttons: array(
        closed(
          FIELDS.replyButton,
          {
            type: constant('reply'),
            reply: closed(
              FIELDS.reply,
              {
                id: string(LIMITS.replyId, { description: 'Unique among the buttons.' }),
                title: string(LIMITS.replyTitle),
              },
              ['id', 'title'],
            ),
          },
          ['type', 'reply'],
        ),
        LIMITS.replyButtons,
      ),
    },
    ['buttons'],
  ),
  'button: up to three reply buttons',
)

/** The schema name of each message type. */
const MESSAGE_SCHEMAS: Record<(typeof MESSAGE_TYPES)[number], string> = {
  text: 'TextMessage',
  template: 'TemplateMessage',
  image: 'ImageMessage',
  document: 'DocumentMessage',
  video: 'VideoMessage',
  audio: 'AudioMessage',
  interactive: 'InteractiveMessage',
}

/** The request schemas, by name under `components.schemas`. */
export const REQUEST_SCHEMAS: Record<string, Schema> = {
  SendMessageBody: {
    type: 'object',
    oneOf: MESSAGE_TYPES.map((type) => ref(MESSAGE_SCHEMAS[type])),
    // Variants by reference need the mapping: without it a `type` would be the schema's name.
    discriminator: {
      propertyName: 'type',
      mapping: Object.fromEntries(
        MESSAGE_TYPES.map((type) => [type, `#/components/schemas/${MESSAGE_SCHEMAS[type]}`]),
      ),
    },
    description:
      'A message to send. Unknown fields are refused (400 invalid_field_value naming them) everywhere Kirim defines the shape; the serialised body is at most 1 MiB and nests at most 64 levels.',
  },
  TextMessage: send(
    'text',
    closed(FIELDS.text, { body: string(LIMITS.textBody), preview_url: boolean }, ['body']),
    'Free-form text: needs an open 24-hour window.',
  ),
  TemplateMessage: send('template', template, 'An approved template: needs no window.'),
  ImageMessage: send(
    'image',
    closed(FIELDS.image, { url: httpsUrl(), caption }, ['url']),
    'JPEG/PNG, 5 MB.',
  ),
  DocumentMessage: send(
    'document',
    closed(FIELDS.document, { url: httpsUrl(), caption, filename: string(LIMITS.filename) }, [
      'url',
    ]),
    'PDF, DOC(X), XLS(X), PPT(X), TXT; 100 MB.',
  ),
  VideoMessage: send(
    'video',
    closed(FIELDS.video, { url: httpsUrl(), caption }, ['url']),
    'MP4 (H.264 + AAC), 3GPP; 16 MB.',
  ),
  AudioMessage: send(
    'audio',
    closed(FIELDS.audio, { url: httpsUrl() }, ['url']),
    'AAC, M4A, MP3, AMR, OGG (Opus); 16 MB; no caption.',
  ),
  InteractiveMessage: send(
    'interactive',
    byType([ctaUrl, list, buttons]),
    'A cta_url, list or button message: needs an open 24-hour window.',
  ),
  CreateWebhookSubscriptionBody: closed(
    FIELDS.subscription,
    {
      url: httpsUrl(LIMITS.subscriptionUrl),
      events: array(oneOf(EVENT_TYPES), { min: 1, max: EVENT_TYPES.length }),
      description: string(LIMITS.subscriptionDescription),
    },
    ['url', 'events'],
  ),
}
