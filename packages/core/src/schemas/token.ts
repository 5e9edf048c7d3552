import { check, type InferOutput, looseObject, number, pipe } from 'valibot'
import { describeValue } from './describe.ts'
import { text } from './rules.ts'

/**
 * What a token endpoint (`tokenUrl`, or the proxy's `POST /token`) answers:
 * `{ token, expiresIn }`, `expiresIn` in seconds, positive. Unknown fields are kept.
 */
export const TokenResponseSchema = /* @__PURE__ */ looseObject({
  /** The short-lived bearer token. */
  token: /* @__PURE__ */ text(1, Number.POSITIVE_INFINITY),
  /** Seconds until the token expires; a positive, finite number. */
  expiresIn: /* @__PURE__ */ pipe(
    /* @__PURE__ */ number(),
    /* @__PURE__ */ check(
      (seconds: number) => Number.isFinite(seconds) && seconds > 0,
      (issue) => `must be a positive number of seconds (got ${describeValue(issue.input)})`,
    ),
  ),
})

/** A token response: `{ token, expiresIn }`. */
export type TokenResponse = InferOutput<typeof TokenResponseSchema>
