/**
 * @module The documented limits of the Kirim API, and the small validation actions that
 * enforce them. Every limit lives here, in one place, so a corrected rule is a one-line change.
 * Rules the public docs leave open are marked **ASSUMED** (decided in the contract
 * interpretations, which the emulator follows too).
 */
import { check, pipe, rawCheck, regex, string } from 'valibot'
import { describeValue } from './describe.ts'

/**
 * Every length and count limit of `POST /v1/messages` and `GET /v1/templates`.
 * String lengths count Unicode code points (**ASSUMED**: `[...s].length`, not UTF-16 units).
 */
export const LIMITS = {
  /** `text.body`: 1–4096. */
  textBody: 4096,
  /** `image|document|video.caption`: at most 1024. */
  caption: 1024,
  /** `document.filename`: at most 240 (**ASSUMED**). */
  filename: 240,
  /** `interactive.body.text`: 1–1024. */
  interactiveBody: 1024,
  /** `interactive.header.text`: 1–60. */
  headerText: 60,
  /** `interactive.footer.text`: 1–60. */
  footerText: 60,
  /** `interactive.action.parameters.display_text` (cta_url): 1–20. */
  ctaDisplayText: 20,
  /** `interactive.action.button` (list): 1–20. */
  listButton: 20,
  /** `interactive.action.sections` (list): 1–10. */
  listSections: 10,
  /** Rows of a list, in total across all sections (**ASSUMED**: at least 1 in total). */
  listRows: 10,
  /** A list section `title`: at most 24; required when there are 2+ sections. */
  sectionTitle: 24,
  /** A list row `id`: 1–200, unique across all sections. */
  rowId: 200,
  /** A list row `title`: 1–24. */
  rowTitle: 24,
  /** A list row `description`: at most 72. */
  rowDescription: 72,
  /** Reply buttons of a button message: 1–3. */
  replyButtons: 3,
  /** A reply button `id`: 1–256 (**ASSUMED** at least 1), unique. */
  replyButtonId: 256,
  /** A reply button `title`: 1–20 (**ASSUMED** at least 1). */
  replyButtonTitle: 20,
  /** Page size of list endpoints: 1–100. */
  pageSize: 100,
} as const

/** E.164 with a leading `+`: a non-zero digit then 1–14 more digits (**ASSUMED**). */
export const E164_REGEX: RegExp = /^\+[1-9]\d{1,14}$/

/** A template name: Meta's rule, lowercase letters, digits and underscores, 1–512 (**ASSUMED**). */
export const TEMPLATE_NAME_REGEX: RegExp = /^[a-z0-9_]{1,512}$/

/** A template language code: `en`, `fil`, `en_US`, `id_ID`, `pt_BR` (**ASSUMED**). */
export const LANGUAGE_CODE_REGEX: RegExp = /^[a-z]{2,3}(_[A-Z]{2,4})?$/

/** An `Idempotency-Key`: 1–255 printable ASCII characters, space to `~` (**ASSUMED**). */
export const IDEMPOTENCY_KEY_REGEX: RegExp = /^[\x20-\x7E]{1,255}$/

/** A template button `index`: Meta's 0–9, sent as a string. */
export const BUTTON_INDEX_REGEX: RegExp = /^\d$/

/**
 * The length of a string in Unicode code points, the unit of every "characters" limit
 * (an emoji outside the Basic Multilingual Plane counts once, not twice).
 *
 * @example
 * codePointLength('😀') // 1, though '😀'.length is 2
 */
export function codePointLength(value: string): number {
  let count = 0
  for (const _ of value) count++
  return count
}

/** Whether a string parses as an absolute URL with the `https:` protocol (**ASSUMED** rule for media and cta_url). */
export function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:'
  } catch {
    return false
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/** The message for a length or count outside `min`–`max`. */
function rangeMessage(got: number, min: number, max: number, noun: string, verb: string): string {
  return got < min
    ? `must ${verb} at least ${plural(min, noun)} (got ${got})`
    : `must ${verb} at most ${plural(max, noun)} (got ${got})`
}

/**
 * A string of `min`–`max` code points.
 *
 * @example
 * pipe(string(), chars(1, 24)) // 'must be at most 24 characters (got 25)'
 */
/* @__NO_SIDE_EFFECTS__ */
export function chars<TInput extends string>(min: number, max: number) {
  return check<TInput, (issue: { readonly input: TInput }) => string>(
    (input) => {
      const length = codePointLength(input)
      return length >= min && length <= max
    },
    (issue) => rangeMessage(codePointLength(issue.input), min, max, 'character', 'be'),
  )
}

/**
 * An array of `min`–`max` items. Unlike valibot's `minLength`/`maxLength`, it also runs when an
 * item has an issue, so a list with 11 sections and a bad row reports both.
 */
/* @__NO_SIDE_EFFECTS__ */
export function count<TInput extends readonly unknown[]>(min: number, max: number, noun: string) {
  return rawCheck<TInput>(({ dataset, addIssue }) => {
    const value: unknown = dataset.value
    if (!Array.isArray(value)) return
    if (value.length < min || value.length > max) {
      addIssue({ message: rangeMessage(value.length, min, max, noun, 'have') })
    }
  })
}

/** An E.164 phone number with a leading `+`. */
/* @__NO_SIDE_EFFECTS__ */
export function e164<TInput extends string>() {
  return regex<TInput, (issue: { readonly input: TInput }) => string>(
    E164_REGEX,
    (issue) => `must be an E.164 phone number with a leading + (got ${describeValue(issue.input)})`,
  )
}

/** An absolute `https:` URL. */
/* @__NO_SIDE_EFFECTS__ */
export function httpsUrl<TInput extends string>() {
  return check<TInput, (issue: { readonly input: TInput }) => string>(
    isHttpsUrl,
    (issue) => `must be an https URL (got ${describeValue(issue.input)})`,
  )
}

/** A template name (`order_confirmation`). */
/* @__NO_SIDE_EFFECTS__ */
export function templateName<TInput extends string>() {
  return regex<TInput, (issue: { readonly input: TInput }) => string>(
    TEMPLATE_NAME_REGEX,
    (issue) =>
      `must be 1–512 lowercase letters, digits or underscores (got ${describeValue(issue.input)})`,
  )
}

/** A template language code (`id_ID`). */
/* @__NO_SIDE_EFFECTS__ */
export function languageCode<TInput extends string>() {
  return regex<TInput, (issue: { readonly input: TInput }) => string>(
    LANGUAGE_CODE_REGEX,
    (issue) =>
      `must be a language code like "en", "en_US" or "id_ID" (got ${describeValue(issue.input)})`,
  )
}

/** A string that starts with an id prefix (`msg_`), to catch a response of the wrong kind. */
/* @__NO_SIDE_EFFECTS__ */
export function idPrefix<TInput extends string>(prefix: string) {
  return check<TInput, (issue: { readonly input: TInput }) => string>(
    (input) => input.startsWith(prefix),
    (issue) => `must be an id starting with "${prefix}" (got ${describeValue(issue.input)})`,
  )
}

/** A phone number field (`to`, `from`): E.164 with a leading `+`, like `+628111111111`. */
export const PhoneNumberSchema = /* @__PURE__ */ pipe(/* @__PURE__ */ string(), e164())

/** A media or link URL: absolute, `https:` only. */
export const HttpsUrlSchema = /* @__PURE__ */ pipe(/* @__PURE__ */ string(), httpsUrl())

/** An `Idempotency-Key` header value: 1–255 printable ASCII characters; a UUID v4 is advised. */
export const IdempotencyKeySchema = /* @__PURE__ */ pipe(
  /* @__PURE__ */ string(),
  /* @__PURE__ */ regex(
    IDEMPOTENCY_KEY_REGEX,
    (issue) => `must be 1–255 printable ASCII characters (got ${describeValue(issue.input)})`,
  ),
)

/** Text of `min`–`max` code points. */
/* @__NO_SIDE_EFFECTS__ */
export function text(min: number, max: number) {
  return pipe(string(), chars(min, max))
}
