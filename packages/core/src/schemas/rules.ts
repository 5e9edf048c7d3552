/**
 * @module The documented limits of the Kirim API, and the small validation actions that
 * enforce them. Every limit lives here, in one place, so a corrected rule is a one-line change.
 * Rules the public docs leave open are marked **ASSUMED** (decided in the contract
 * interpretations, which the emulator follows too).
 */
import { pipe, string } from 'valibot'
import { chars, rule } from './rule.ts'

// Each limit is its own constant so that bundlers inline the number where a schema uses it;
// `LIMITS` gathers them for reference.

/** `text.body`: 1–4096. */
export const TEXT_BODY_MAX = 4096

/** `image|document|video.caption`: at most 1024. */
export const CAPTION_MAX = 1024

/** `document.filename`: at most 240 (**ASSUMED**). */
export const FILENAME_MAX = 240

/** `interactive.body.text`: 1–1024. */
export const INTERACTIVE_BODY_MAX = 1024

/** `interactive.header.text`: 1–60. */
export const HEADER_TEXT_MAX = 60

/** `interactive.footer.text`: 1–60. */
export const FOOTER_TEXT_MAX = 60

/** `interactive.action.parameters.display_text` (cta_url): 1–20. */
export const CTA_DISPLAY_TEXT_MAX = 20

/** `interactive.action.button` (list): 1–20. */
export const LIST_BUTTON_MAX = 20

/** `interactive.action.sections` (list): 1–10. */
export const LIST_SECTIONS_MAX = 10

/** Rows of a list, in total across all sections (**ASSUMED**: at least 1 in total). */
export const LIST_ROWS_MAX = 10

/** A list section `title`: at most 24; required when there are 2+ sections. */
export const SECTION_TITLE_MAX = 24

/** A list row `id`: 1–200, unique across all sections. */
export const ROW_ID_MAX = 200

/** A list row `title`: 1–24. */
export const ROW_TITLE_MAX = 24

/** A list row `description`: at most 72. */
export const ROW_DESCRIPTION_MAX = 72

/** Reply buttons of a button message: 1–3. */
export const REPLY_BUTTONS_MAX = 3

/** A reply button `id`: 1–256 (**ASSUMED** at least 1), unique. */
export const REPLY_BUTTON_ID_MAX = 256

/** A reply button `title`: 1–20 (**ASSUMED** at least 1). */
export const REPLY_BUTTON_TITLE_MAX = 20

/** Page size of list endpoints: 1–100. */
export const PAGE_SIZE_MAX = 100

/**
 * Every length and count limit of `POST /v1/messages` and `GET /v1/templates`.
 * String lengths count Unicode code points (**ASSUMED**: `[...s].length`, not UTF-16 units).
 */
export const LIMITS = {
  textBody: TEXT_BODY_MAX,
  caption: CAPTION_MAX,
  filename: FILENAME_MAX,
  interactiveBody: INTERACTIVE_BODY_MAX,
  headerText: HEADER_TEXT_MAX,
  footerText: FOOTER_TEXT_MAX,
  ctaDisplayText: CTA_DISPLAY_TEXT_MAX,
  listButton: LIST_BUTTON_MAX,
  listSections: LIST_SECTIONS_MAX,
  listRows: LIST_ROWS_MAX,
  sectionTitle: SECTION_TITLE_MAX,
  rowId: ROW_ID_MAX,
  rowTitle: ROW_TITLE_MAX,
  rowDescription: ROW_DESCRIPTION_MAX,
  replyButtons: REPLY_BUTTONS_MAX,
  replyButtonId: REPLY_BUTTON_ID_MAX,
  replyButtonTitle: REPLY_BUTTON_TITLE_MAX,
  pageSize: PAGE_SIZE_MAX,
} as const

/** E.164 with a leading `+`: a non-zero digit then 1–14 more digits (**ASSUMED**). */
export const E164_REGEX: RegExp = /^\+[1-9]\d{1,14}$/

/** A template name: Meta's rule, lowercase letters, digits and underscores, 1–512 (**ASSUMED**). */
export const TEMPLATE_NAME_REGEX: RegExp = /^[a-z0-9_]{1,512}$/

/** A template language code: `en`, `fil`, `en_US`, `id_ID`, `pt_BR` (**ASSUMED**). */
export const LANGUAGE_CODE_REGEX: RegExp = /^[a-z]{2,3}(_[A-Z]{2,4})?$/

/** The longest `Idempotency-Key`: 255 characters, the bound {@link IDEMPOTENCY_KEY_REGEX} holds. */
export const IDEMPOTENCY_KEY_MAX = 255

/**
 * An `Idempotency-Key`: 1–255 printable ASCII characters (space to `~`), no space at either end
 * (**ASSUMED**). `fetch` and HTTP servers trim a header value, so a key with an outer space would
 * reach Kirim as another key (or as none).
 */
export const IDEMPOTENCY_KEY_REGEX: RegExp = /^[\x21-\x7e](?:[\x20-\x7e]{0,253}[\x21-\x7e])?$/

/** {@link IDEMPOTENCY_KEY_REGEX} in words, for issues and refusals. */
export const IDEMPOTENCY_KEY_RULE =
  '1–255 printable ASCII characters, without a space at either end'

/** Whether `value` is a usable `Idempotency-Key` (see {@link IDEMPOTENCY_KEY_REGEX}). */
export function isIdempotencyKey(value: unknown): value is string {
  return typeof value === 'string' && IDEMPOTENCY_KEY_REGEX.test(value)
}

/** A template button `index`: Meta's 0–9, sent as a string. */
export const BUTTON_INDEX_REGEX: RegExp = /^\d$/

/** Whether a string parses as an absolute URL with the `https:` protocol (**ASSUMED** rule for media and cta_url). */
export function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:'
  } catch {
    return false
  }
}

/** Whether a credential fits an `Authorization: Bearer …` header: visible ASCII, no spaces. */
export function isHeaderSafe(value: string): boolean {
  return /^[\x21-\x7e]+$/.test(value)
}

/** What a credential must be, for issues (which never quote a credential). */
export const HEADER_SAFE = 'visible ASCII characters without spaces, to fit a header'

/** Whether a string matches `regex`, as a rule's test. */
/* @__NO_SIDE_EFFECTS__ */
function matches(regex: RegExp): (value: string) => boolean {
  return (value) => regex.test(value)
}

/** A phone number field (`to`, `from`): E.164 with a leading `+`, like `+628111111111`. */
export const PhoneNumberSchema = /* @__PURE__ */ pipe(
  /* @__PURE__ */ string(),
  /* @__PURE__ */ rule('an E.164 phone number with a leading +', matches(E164_REGEX)),
)

/** A media or link URL: absolute, `https:` only. */
export const HttpsUrlSchema = /* @__PURE__ */ pipe(
  /* @__PURE__ */ string(),
  /* @__PURE__ */ rule('an https URL', isHttpsUrl),
)

/** A template name (`order_confirmation`). */
export const TemplateNameSchema = /* @__PURE__ */ pipe(
  /* @__PURE__ */ string(),
  /* @__PURE__ */ rule(
    '1–512 lowercase letters, digits or underscores',
    matches(TEMPLATE_NAME_REGEX),
  ),
)

/** A template language code (`id_ID`). */
export const LanguageCodeSchema = /* @__PURE__ */ pipe(
  /* @__PURE__ */ string(),
  /* @__PURE__ */ rule(
    'a language code like "en", "en_US" or "id_ID"',
    matches(LANGUAGE_CODE_REGEX),
  ),
)

/** A template button `index`: `'0'` to `'9'`. */
export const ButtonIndexSchema = /* @__PURE__ */ pipe(
  /* @__PURE__ */ string(),
  /* @__PURE__ */ rule('a button position "0" to "9"', matches(BUTTON_INDEX_REGEX)),
)

/** An `Idempotency-Key` header value ({@link IDEMPOTENCY_KEY_RULE}); a UUID v4 is advised. */
export const IdempotencyKeySchema = /* @__PURE__ */ pipe(
  /* @__PURE__ */ string(),
  /* @__PURE__ */ rule(IDEMPOTENCY_KEY_RULE, matches(IDEMPOTENCY_KEY_REGEX)),
)

/** A string that starts with an id prefix (`msg_`), to catch a response of the wrong kind. */
/* @__NO_SIDE_EFFECTS__ */
export function idOf(prefix: string) {
  return pipe(
    string(),
    rule(`an id starting with "${prefix}"`, (id: string) => id.startsWith(prefix)),
  )
}

/** Text of `min`–`max` code points. */
/* @__NO_SIDE_EFFECTS__ */
export function text(min: number, max: number) {
  return pipe(string(), chars(min, max))
}

/** Any non-empty text (a token, a cursor, a name filter). */
export const NonEmptyTextSchema = /* @__PURE__ */ text(1, Infinity)

/** `interactive` header and footer text, which share one limit: 1–60 characters. */
export const HeaderFooterTextSchema = /* @__PURE__ */ text(1, HEADER_TEXT_MAX)
