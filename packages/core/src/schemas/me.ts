import { type InferOutput, looseObject, nullish, number, string } from 'valibot'
import type { Known } from './known.ts'
import { openEnum } from './open.ts'

/**
 * What `GET /v1/me` returns in `data`: the organisation, the API key in use, and its rate
 * limits. Loose: unknown fields are kept.
 */
export const MeSchema = /* @__PURE__ */ looseObject({
  organization: /* @__PURE__ */ looseObject({
    /** `org_…` */
    id: /* @__PURE__ */ string(),
    object: /* @__PURE__ */ string(),
    name: /* @__PURE__ */ string(),
  }),
  api_key: /* @__PURE__ */ looseObject({
    /** `key_…` */
    id: /* @__PURE__ */ string(),
    object: /* @__PURE__ */ string(),
    /** The label given to the key (may be `null`). */
    label: /* @__PURE__ */ nullish(/* @__PURE__ */ string()),
    /** The last four characters of the key, to recognise it. */
    last4: /* @__PURE__ */ string(),
  }),
  rate_limits: /* @__PURE__ */ looseObject({
    tier: /* @__PURE__ */ openEnum<'free' | 'pro'>(),
    /** POST/PUT/PATCH/DELETE per minute (free 60, Pro 600). */
    write_per_minute: /* @__PURE__ */ number(),
    /** GET/HEAD per minute (free 600, Pro 6000). */
    read_per_minute: /* @__PURE__ */ number(),
  }),
})

/** The organisation, key and rate limits behind the credentials in use. */
export type Me = Known<InferOutput<typeof MeSchema>>
