import { type InferOutput, looseObject, number, pipe, string } from 'valibot'
import { rule, secret } from './rule.ts'
import { HEADER_SAFE, isHeaderSafe } from './rules.ts'

/**
 * What a token endpoint (`tokenUrl`, or the proxy's `POST /token`) answers:
 * `{ token, expiresIn }`: a token that fits an `Authorization` header, and `expiresIn` in
 * seconds, positive. Unknown fields are kept.
 */
export const TokenResponseSchema = /* @__PURE__ */ looseObject({
  /** The short-lived bearer token: visible ASCII, no spaces (it is never quoted in an issue). */
  token: /* @__PURE__ */ pipe(
    /* @__PURE__ */ string(),
    /* @__PURE__ */ secret(HEADER_SAFE, isHeaderSafe),
  ),
  /** Seconds until the token expires; a positive, finite number. */
  expiresIn: /* @__PURE__ */ pipe(
    /* @__PURE__ */ number(),
    /* @__PURE__ */ rule(
      'a positive number of seconds',
      (seconds: number) => Number.isFinite(seconds) && seconds > 0,
    ),
  ),
})

/** A token response: `{ token, expiresIn }`. */
export type TokenResponse = InferOutput<typeof TokenResponseSchema>
