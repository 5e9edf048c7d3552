import {
  array,
  check,
  type InferInput,
  lazy,
  literal,
  looseObject,
  number,
  optional,
  picklist,
  pipe,
  string,
} from 'valibot'
import { byType } from '../byType.ts'
import { isRecord } from '../path.ts'
import { count, rule } from '../rule.ts'
import { ButtonIndexSchema, LanguageCodeSchema, TemplateNameSchema } from '../rules.ts'
import { strict } from '../strict.ts'
import { RECIPIENT_ENTRIES } from './recipient.ts'

// Template components are Meta's shape, forwarded verbatim by Kirim: the documented fields are
// checked, but every object is loose so fields Meta adds later (`parameter_name` …) pass through.

/** Meta's media objects need a `link` (a URL Meta fetches) or an `id` (an uploaded media id). */
/* @__NO_SIDE_EFFECTS__ */
function linkOrId<TInput extends { link?: string | undefined; id?: string | undefined }>() {
  return check<TInput, string>(
    (media) => media.link !== undefined || media.id !== undefined,
    'must have a link or an id',
  )
}

/** Meta's media object: `{ link }` or `{ id }`. */
const MediaObjectSchema = /* @__PURE__ */ pipe(
  /* @__PURE__ */ looseObject({
    link: /* @__PURE__ */ optional(/* @__PURE__ */ string()),
    id: /* @__PURE__ */ optional(/* @__PURE__ */ string()),
  }),
  /* @__PURE__ */ linkOrId(),
)

/** `{ type: 'text', text }`: fills a `{{n}}` placeholder (or a named one, with `parameter_name`). */
export const TextParameterSchema = /* @__PURE__ */ looseObject({
  type: /* @__PURE__ */ literal('text'),
  text: /* @__PURE__ */ string(),
})

/** `{ type: 'currency', currency: { fallback_value, code, amount_1000 } }` (amount × 1000, an integer). */
export const CurrencyParameterSchema = /* @__PURE__ */ looseObject({
  type: /* @__PURE__ */ literal('currency'),
  currency: /* @__PURE__ */ looseObject({
    fallback_value: /* @__PURE__ */ string(),
    code: /* @__PURE__ */ string(),
    amount_1000: /* @__PURE__ */ pipe(
      /* @__PURE__ */ number(),
      /* @__PURE__ */ rule<number>('an integer', Number.isInteger),
    ),
  }),
})

/** `{ type: 'date_time', date_time: { fallback_value } }`. */
export const DateTimeParameterSchema = /* @__PURE__ */ looseObject({
  type: /* @__PURE__ */ literal('date_time'),
  date_time: /* @__PURE__ */ looseObject({ fallback_value: /* @__PURE__ */ string() }),
})

/** `{ type: 'image', image: { link | id } }`. */
export const ImageParameterSchema = /* @__PURE__ */ looseObject({
  type: /* @__PURE__ */ literal('image'),
  image: MediaObjectSchema,
})

/** `{ type: 'video', video: { link | id } }`. */
export const VideoParameterSchema = /* @__PURE__ */ looseObject({
  type: /* @__PURE__ */ literal('video'),
  video: MediaObjectSchema,
})

/** `{ type: 'document', document: { link | id, filename? } }`. */
export const DocumentParameterSchema = /* @__PURE__ */ looseObject({
  type: /* @__PURE__ */ literal('document'),
  document: /* @__PURE__ */ pipe(
    /* @__PURE__ */ looseObject({
      link: /* @__PURE__ */ optional(/* @__PURE__ */ string()),
      id: /* @__PURE__ */ optional(/* @__PURE__ */ string()),
      filename: /* @__PURE__ */ optional(/* @__PURE__ */ string()),
    }),
    /* @__PURE__ */ linkOrId(),
  ),
})

/** `{ type: 'payload', payload }`: what a quick-reply button sends back when tapped. */
export const PayloadParameterSchema = /* @__PURE__ */ looseObject({
  type: /* @__PURE__ */ literal('payload'),
  payload: /* @__PURE__ */ string(),
})

/** `{ type: 'coupon_code', coupon_code }`: the code a `copy_code` button copies (Meta's shape). */
export const CouponCodeParameterSchema = /* @__PURE__ */ looseObject({
  type: /* @__PURE__ */ literal('coupon_code'),
  coupon_code: /* @__PURE__ */ string(),
})

/** A `header` component: exactly one parameter, text, image, video or document. */
export const HeaderComponentSchema = /* @__PURE__ */ looseObject({
  type: /* @__PURE__ */ literal('header'),
  parameters: /* @__PURE__ */ pipe(
    /* @__PURE__ */ array(
      /* @__PURE__ */ byType([
        TextParameterSchema,
        ImageParameterSchema,
        VideoParameterSchema,
        DocumentParameterSchema,
      ]),
    ),
    /* @__PURE__ */ count(1, 1, 'parameter'),
  ),
})

/** A `body` component: positional parameters filling `{{1}}`, `{{2}}` …; text, currency or date_time. */
export const BodyComponentSchema = /* @__PURE__ */ looseObject({
  type: /* @__PURE__ */ literal('body'),
  parameters: /* @__PURE__ */ array(
    /* @__PURE__ */ byType([TextParameterSchema, CurrencyParameterSchema, DateTimeParameterSchema]),
  ),
})

/**
 * A `button` component: `sub_type` quick_reply (a `payload` parameter), url (a `text` parameter:
 * the URL suffix) or copy_code (a `coupon_code` parameter); `index` the button's position as a
 * string, `'0'`–`'9'`.
 */
export const ButtonComponentSchema = /* @__PURE__ */ looseObject({
  type: /* @__PURE__ */ literal('button'),
  sub_type: /* @__PURE__ */ picklist(['quick_reply', 'url', 'copy_code']),
  index: ButtonIndexSchema,
  parameters: /* @__PURE__ */ array(
    /* @__PURE__ */ byType([
      PayloadParameterSchema,
      TextParameterSchema,
      CouponCodeParameterSchema,
    ]),
  ),
})

/** One template component in Meta's send shape: `header`, `body` or `button`. */
export const TemplateComponentSchema = /* @__PURE__ */ byType([
  HeaderComponentSchema,
  BodyComponentSchema,
  ButtonComponentSchema,
])

const LanguageObjectSchema = /* @__PURE__ */ strict({
  code: LanguageCodeSchema,
  policy: /* @__PURE__ */ optional(/* @__PURE__ */ literal('deterministic')),
})

// Reached only by a value that is neither a string nor an object, so its type check always
// fails, and names both forms: 'must be a language code string or { code, policy? } (got 5)'.
const NotALanguageSchema = {
  .../* @__PURE__ */ string(),
  expects: 'a language code string or { code, policy? }',
}

// Dispatch on the input's kind rather than `union`, which would hide the nested issue
// (`template.language.code`) behind one vague message.
/**
 * A template language: a code string (`'id_ID'`, `'en_US'`, `'en'`) or Meta's object form
 * `{ code, policy?: 'deterministic' }`.
 */
export const TemplateLanguageSchema = /* @__PURE__ */ lazy((input) =>
  typeof input === 'string'
    ? LanguageCodeSchema
    : isRecord(input)
      ? LanguageObjectSchema
      : NotALanguageSchema,
)

/** The `template` object of a template message: `{ name, language, components? }`. */
export const TemplateContentSchema = /* @__PURE__ */ strict({
  /** The approved template's name: lowercase letters, digits and underscores. */
  name: TemplateNameSchema,
  /** The approved template's language. */
  language: TemplateLanguageSchema,
  /** Parameters for the template's placeholders, in Meta's shape. */
  components: /* @__PURE__ */ optional(/* @__PURE__ */ array(TemplateComponentSchema)),
})

/**
 * A template message: works outside the 24-hour window, for notifications and OTPs.
 *
 * @example
 * {
 *   to: '+628111111111',
 *   type: 'template',
 *   template: {
 *     name: 'order_confirmation',
 *     language: 'id_ID',
 *     components: [{ type: 'body', parameters: [{ type: 'text', text: 'John' }] }],
 *   },
 * }
 */
export const TemplateMessageSchema = /* @__PURE__ */ strict({
  ...RECIPIENT_ENTRIES,
  type: /* @__PURE__ */ literal('template'),
  template: TemplateContentSchema,
})

/** The body of `POST /v1/messages` for a template message. */
export type TemplateMessageBody = InferInput<typeof TemplateMessageSchema>
/** One component of a template message, in Meta's shape. */
export type TemplateComponent = InferInput<typeof TemplateComponentSchema>
/** A template language: `'id_ID'` or `{ code: 'id_ID', policy: 'deterministic' }`. */
export type TemplateLanguage = InferInput<typeof TemplateLanguageSchema>
