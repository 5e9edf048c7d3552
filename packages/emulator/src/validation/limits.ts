/**
 * Every limit, pattern and field list of a request body (kirim-api.md, with its "Body rules
 * where the docs are silent"), in one table. The validators check them and the OpenAPI
 * document is built from them, so a limit cannot differ between what is enforced and what is
 * documented. String lengths count Unicode code points, as JSON Schema does.
 */

/** A length rule: code points for strings, items for arrays. */
export interface Length {
  readonly min?: number
  readonly max?: number
}

/** The largest body read: 1 MiB of serialised JSON (else 413 `request_too_large`). */
export const MAX_BODY_BYTES = 1024 * 1024

/** How deep a body may nest: 64 objects/arrays, the body itself being the first. */
export const MAX_DEPTH = 64

export const LIMITS = {
  textBody: { min: 1, max: 4096 },
  caption: { max: 1024 },
  filename: { max: 240 },
  interactiveBody: { min: 1, max: 1024 },
  headerText: { min: 1, max: 60 },
  footerText: { min: 1, max: 60 },
  ctaDisplayText: { min: 1, max: 20 },
  listButton: { min: 1, max: 20 },
  listSections: { min: 1, max: 10 },
  /** Rows of a list in total, across its sections. */
  listRows: { max: 10 },
  sectionRows: { min: 1 },
  /** Required, 1–24, once a list has two or more sections. */
  sectionTitle: { min: 1, max: 24 },
  /** The title of a list's only section: optional, at most 24. */
  onlySectionTitle: { max: 24 },
  rowId: { min: 1, max: 200 },
  rowTitle: { min: 1, max: 24 },
  rowDescription: { max: 72 },
  replyButtons: { min: 1, max: 3 },
  replyId: { min: 1, max: 256 },
  replyTitle: { min: 1, max: 20 },
  /** A template `header` component: exactly one parameter. */
  headerParameters: { min: 1, max: 1 },
  /** A template `button` component: exactly one parameter. */
  buttonParameters: { min: 1, max: 1 },
  /** Template parameter texts, payloads, fallback values, media ids. */
  nonEmpty: { min: 1 },
  mediaUrl: { min: 1 },
  subscriptionUrl: { min: 1, max: 2048 },
  subscriptionDescription: { max: 255 },
  idempotencyKey: { min: 1, max: 255 },
  pageSize: { min: 1, max: 100 },
} as const satisfies Record<string, Length>

/** `GET /v1/templates` page size when `limit` is not given. */
export const DEFAULT_PAGE_SIZE = 25

export const PATTERNS = {
  /** E.164: `+`, a non-zero digit, then 1–14 more digits. */
  e164: /^\+[1-9]\d{1,14}$/,
  /** Meta's template names: 1–512 lowercase letters, digits, underscores. */
  templateName: /^[a-z0-9_]{1,512}$/,
  /** `id_ID`, `en_US`, `en`, `pt_BR`, `fil`. */
  languageCode: /^[a-z]{2,3}(_[A-Z]{2,4})?$/,
  /** A template button `index`: `"0"` to `"9"`. */
  buttonIndex: /^\d$/,
  /** ISO 4217 alphabetic code, decided as three upper-case letters A–Z (not checked against the list). */
  currencyCode: /^[A-Z]{3}$/,
  /** An `Idempotency-Key`: 1–255 printable ASCII characters. */
  idempotencyKey: /^[\x20-\x7e]{1,255}$/,
} as const

/** The message types of `POST /v1/messages`. */
export const MESSAGE_TYPES = [
  'text',
  'template',
  'image',
  'document',
  'video',
  'audio',
  'interactive',
] as const

/** The kinds of `interactive` message. */
export const INTERACTIVE_TYPES = ['cta_url', 'list', 'button'] as const

/**
 * The fields of every object whose shape Kirim defines: any other key is 400
 * `invalid_field_value` naming it. Inside `template.components` (Meta's shape, forwarded
 * verbatim) unknown keys pass through, so no list is kept for it.
 */
export const FIELDS = {
  /** The top level, besides the `<type>` payload key itself. */
  send: ['from', 'to', 'type'],
  text: ['body', 'preview_url'],
  image: ['url', 'caption'],
  video: ['url', 'caption'],
  document: ['url', 'caption', 'filename'],
  audio: ['url'],
  template: ['name', 'language', 'components'],
  templateLanguage: ['code', 'policy'],
  interactive: ['type', 'header', 'body', 'footer', 'action'],
  /** `interactive.header`, besides the `<type>` key (`text`, `image`, `video`, `document`). */
  interactiveHeader: ['type'],
  interactiveHeaderMedia: ['url'],
  interactiveBody: ['text'],
  interactiveFooter: ['text'],
  ctaAction: ['name', 'parameters'],
  ctaParameters: ['display_text', 'url'],
  listAction: ['button', 'sections'],
  listSection: ['title', 'rows'],
  listRow: ['id', 'title', 'description'],
  buttonAction: ['buttons'],
  replyButton: ['type', 'reply'],
  reply: ['id', 'title'],
  subscription: ['url', 'events', 'description'],
} as const satisfies Record<string, readonly string[]>
