import { array, type InferOutput, literal, looseObject, optional, string } from 'valibot'
import type { Known } from './known.ts'
import { openEnum } from './open.ts'
import { idOf } from './rules.ts'

/** The template statuses the API documents (**ASSUMED** list). */
export const TEMPLATE_STATUSES = ['approved', 'pending', 'rejected', 'paused', 'disabled'] as const

/** The template categories the API documents (**ASSUMED** list). */
export const TEMPLATE_CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const

/** A known template status; responses may carry others (typed `string & {}`). */
export type KnownTemplateStatus = (typeof TEMPLATE_STATUSES)[number]
/** A known template category; responses may carry others. */
export type KnownTemplateCategory = (typeof TEMPLATE_CATEGORIES)[number]

/** A button of a template's `BUTTONS` component: `{ type: 'QUICK_REPLY' | 'URL' | …, text? }`. */
export const TemplateButtonInfoSchema = /* @__PURE__ */ looseObject({
  type: /* @__PURE__ */ openEnum<'QUICK_REPLY' | 'URL' | 'PHONE_NUMBER' | 'COPY_CODE' | 'OTP'>(),
  text: /* @__PURE__ */ optional(/* @__PURE__ */ string()),
})

/**
 * A component of a template definition (Meta's upper-case shape): `{ type: HEADER | BODY |
 * FOOTER | BUTTONS, format?, text?, buttons? }`. A BODY `text` with `{{1}}`…`{{n}}` needs n body
 * parameters when sent.
 */
export const TemplateComponentInfoSchema = /* @__PURE__ */ looseObject({
  type: /* @__PURE__ */ openEnum<'HEADER' | 'BODY' | 'FOOTER' | 'BUTTONS'>(),
  /** For a HEADER: `TEXT`, `IMAGE`, `VIDEO`, `DOCUMENT`, `LOCATION`. */
  format: /* @__PURE__ */ optional(
    /* @__PURE__ */ openEnum<'TEXT' | 'IMAGE' | 'VIDEO' | 'DOCUMENT' | 'LOCATION'>(),
  ),
  text: /* @__PURE__ */ optional(/* @__PURE__ */ string()),
  buttons: /* @__PURE__ */ optional(/* @__PURE__ */ array(TemplateButtonInfoSchema)),
})

/**
 * A template, as `GET /v1/templates` lists it (**ASSUMED** item shape). Loose: unknown fields are
 * kept. `status`, `category` and component types accept any string (a value Meta adds later
 * must not crash an older SDK) while the documented ones are typed for autocompletion.
 */
export const TemplateSchema = /* @__PURE__ */ looseObject({
  /** `tmpl_…`: opaque. */
  id: /* @__PURE__ */ idOf('tmpl_'),
  object: /* @__PURE__ */ literal('template'),
  /** What to pass as `template.name` when sending. */
  name: /* @__PURE__ */ string(),
  /** What to pass as `template.language` when sending: `id_ID`, `en_US` … */
  language: /* @__PURE__ */ string(),
  /** `approved` templates can be sent; `paused` and `disabled` ones fail. */
  status: /* @__PURE__ */ openEnum<KnownTemplateStatus>(),
  category: /* @__PURE__ */ openEnum<KnownTemplateCategory>(),
  components: /* @__PURE__ */ array(TemplateComponentInfoSchema),
})

/** A template as the API returns it. */
export type Template = Known<InferOutput<typeof TemplateSchema>>
/** A template status: the known ones, or any string the API adds. */
export type TemplateStatus = Template['status']
/** A template category: the known ones, or any string the API adds. */
export type TemplateCategory = Template['category']
/** A component of a template definition. */
export type TemplateComponentInfo = Known<InferOutput<typeof TemplateComponentInfoSchema>>
