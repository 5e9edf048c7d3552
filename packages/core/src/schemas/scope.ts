/**
 * @module The scope of a proxy token: what its holder may send. `authorize` returns it, the token
 * carries it (signed, so the browser can read it but not change it), and the proxy checks every
 * send against it. The message types come from the send schema, so a new message type is
 * allowed in a scope as soon as it can be sent.
 */
import {
  array,
  type InferOutput,
  number,
  optional,
  picklist,
  pipe,
  readonly,
  string,
} from 'valibot'
import { SendMessageSchema } from './messages/send.ts'
import { rule } from './rule.ts'
import { E164_REGEX, PhoneNumberSchema, TemplateNameSchema } from './rules.ts'
import { strict } from './strict.ts'

/** The message types a scope can allow: every `type` of {@link SendMessageSchema}. */
export const SCOPE_MESSAGE_TYPES = /* @__PURE__ */ SendMessageSchema.options.map(
  (option) => option.entries.type.literal,
)

/** `+` and up to 14 digits, then `*`: every number that starts with the digits. */
const RECIPIENT_PREFIX = /^\+(?:[1-9]\d{0,13})?\*$/

/* @__NO_SIDE_EFFECTS__ */
function list<const TItem extends Parameters<typeof array>[0]>(item: TItem) {
  return optional(pipe(array(item), readonly()))
}

const entries = {
  /** The message types allowed (`'text'`, `'template'`, `'image'` …). An empty list allows none. */
  types: /* @__PURE__ */ list(/* @__PURE__ */ picklist(SCOPE_MESSAGE_TYPES)),
  /**
   * The recipients allowed: exact E.164 numbers (`'+628111111111'`), or prefixes ending in `*`
   * (`'+62811*'` matches every number that starts with `+62811`; `'+*'` matches all).
   */
  recipients: /* @__PURE__ */ list(
    /* @__PURE__ */ pipe(
      /* @__PURE__ */ string(),
      /* @__PURE__ */ rule(
        "an E.164 number ('+628111111111') or a prefix ending in * ('+62811*')",
        (value: string) => E164_REGEX.test(value) || RECIPIENT_PREFIX.test(value),
      ),
    ),
  ),
  /**
   * The organisation's numbers the token may send from (exact E.164). When set, every send
   * must name its `from` and it must be one of these; without it, a token of an organisation
   * with several numbers may send from any of them.
   */
  senders: /* @__PURE__ */ list(PhoneNumberSchema),
  /** The template names allowed when `type` is `'template'` (other types are not affected). */
  templates: /* @__PURE__ */ list(TemplateNameSchema),
  /**
   * How many sends the token allows over its lifetime. Retries with the same `Idempotency-Key`
   * count once. A fresh token (from `POST /token`) starts a fresh count.
   */
  maxSends: /* @__PURE__ */ optional(
    /* @__PURE__ */ pipe(
      /* @__PURE__ */ number(),
      /* @__PURE__ */ rule(
        'a whole number of 0 or more',
        (value: number) => Number.isSafeInteger(value) && value >= 0,
      ),
    ),
  ),
}

/**
 * The limits of a token. Every field is optional; a missing field does not restrict. Unknown
 * fields are refused (a typo such as `recipient` must not silently allow every number).
 */
export const ScopeSchema = /* @__PURE__ */ pipe(
  /* @__PURE__ */ strict(
    entries,
    `is not a scope field (known: ${Object.keys(entries).join(', ')})`,
  ),
  /* @__PURE__ */ readonly(),
)

/**
 * The limits of a token. Every field is optional; a missing field does not restrict. Unknown
 * fields are refused (a typo such as `recipient` must not silently allow every number).
 *
 * @example
 * // May send the `otp_code` template, to Indonesian mobile numbers only, at most 3 times.
 * const scope: Scope = {
 *   types: ['template'],
 *   templates: ['otp_code'],
 *   recipients: ['+628*'],
 *   maxSends: 3,
 * }
 */
export type Scope = InferOutput<typeof ScopeSchema>

/** The message types a scope can allow: the `type` field of a send. */
export type ScopeMessageType = (typeof SCOPE_MESSAGE_TYPES)[number]
