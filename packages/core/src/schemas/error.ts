import { type InferOutput, looseObject, nullish, optional, string } from 'valibot'
import type { Known } from './known.ts'

/**
 * The body of every non-2xx answer: `{ error: { type, code, message, param?, request_id? } }`.
 * Branch on `code`, never on `message`. Unknown fields are kept.
 */
export const ApiErrorBodySchema = /* @__PURE__ */ looseObject({
  error: /* @__PURE__ */ looseObject({
    /** `invalid_request_error`, `authentication_error`, `rate_limit_error` … */
    type: /* @__PURE__ */ string(),
    /** The stable code: `invalid_phone_number`, `idempotency_key_reuse` … */
    code: /* @__PURE__ */ string(),
    /** Prose for humans; may change. */
    message: /* @__PURE__ */ string(),
    /** The request field the error is about, when there is one (`null` accepted). */
    param: /* @__PURE__ */ nullish(/* @__PURE__ */ string()),
    /** The `req_…` id, also in the `X-Request-Id` header. */
    request_id: /* @__PURE__ */ optional(/* @__PURE__ */ string()),
  }),
})

/** The body of an API error response. */
export type ApiErrorBody = Known<InferOutput<typeof ApiErrorBodySchema>>
