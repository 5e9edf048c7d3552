import { type InferInput, number, optional, picklist, pipe } from 'valibot'
import { rule } from './rule.ts'
import { LanguageCodeSchema, NonEmptyTextSchema, PAGE_SIZE_MAX } from './rules.ts'
import { strict } from './strict.ts'
import { TEMPLATE_STATUSES } from './template.ts'

/**
 * The query of `GET /v1/templates`: filters `status`, `language`, `name` (**ASSUMED** filters),
 * `limit` (an integer 1–100, the API's default 25) and `cursor` (a `next_cursor`, verbatim).
 * Strict: an unknown key is an issue, so a typo is not silently ignored.
 *
 * @example
 * parseOrThrow(TemplateListParamsSchema, { status: 'approved', limit: 50 }, 'template list parameters')
 */
export const TemplateListParamsSchema = /* @__PURE__ */ strict({
  status: /* @__PURE__ */ optional(/* @__PURE__ */ picklist(TEMPLATE_STATUSES)),
  language: /* @__PURE__ */ optional(LanguageCodeSchema),
  name: /* @__PURE__ */ optional(NonEmptyTextSchema),
  /** Page size, 1–100. @default 25 (the API's) */
  limit: /* @__PURE__ */ optional(
    /* @__PURE__ */ pipe(
      /* @__PURE__ */ number(),
      /* @__PURE__ */ rule(
        `an integer from 1 to ${PAGE_SIZE_MAX}`,
        (limit: number) => Number.isInteger(limit) && limit >= 1 && limit <= PAGE_SIZE_MAX,
      ),
    ),
  ),
  /** The `next_cursor` of the previous page, verbatim. */
  cursor: /* @__PURE__ */ optional(NonEmptyTextSchema),
})

/** The query of `GET /v1/templates`. */
export type TemplateListParams = InferInput<typeof TemplateListParamsSchema>
