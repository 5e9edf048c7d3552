import { check, type InferInput, number, optional, picklist, pipe, string } from 'valibot'
import { describeValue } from './describe.ts'
import { LIMITS, languageCode, text } from './rules.ts'
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
  language: /* @__PURE__ */ optional(
    /* @__PURE__ */ pipe(/* @__PURE__ */ string(), languageCode()),
  ),
  name: /* @__PURE__ */ optional(/* @__PURE__ */ text(1, Number.POSITIVE_INFINITY)),
  /** Page size, 1–100. @default 25 (the API's) */
  limit: /* @__PURE__ */ optional(
    /* @__PURE__ */ pipe(
      /* @__PURE__ */ number(),
      /* @__PURE__ */ check(
        (limit: number) => Number.isInteger(limit) && limit >= 1 && limit <= LIMITS.pageSize,
        (issue) =>
          `must be an integer from 1 to ${LIMITS.pageSize} (got ${describeValue(issue.input)})`,
      ),
    ),
  ),
  /** The `next_cursor` of the previous page, verbatim. */
  cursor: /* @__PURE__ */ optional(/* @__PURE__ */ text(1, Number.POSITIVE_INFINITY)),
})

/** The query of `GET /v1/templates`. */
export type TemplateListParams = InferInput<typeof TemplateListParamsSchema>
