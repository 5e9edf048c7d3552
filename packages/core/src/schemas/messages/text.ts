import { boolean, type InferInput, literal, optional } from 'valibot'
import { TEXT_BODY_MAX, text } from '../rules.ts'
import { strict } from '../strict.ts'
import { RECIPIENT_ENTRIES } from './recipient.ts'

/** The `text` object of a text message: `{ body, preview_url? }`. */
export const TextContentSchema = /* @__PURE__ */ strict({
  /** 1–4096 characters; only `*bold*`, `_italic_`, `~strike~` and backtick code survive. */
  body: /* @__PURE__ */ text(1, TEXT_BODY_MAX),
  /** Render a preview of the first URL in `body`. */
  preview_url: /* @__PURE__ */ optional(/* @__PURE__ */ boolean()),
})

/**
 * A free-form text message (needs an open 24-hour window with the recipient).
 *
 * @example
 * { to: '+628111111111', type: 'text', text: { body: 'Halo dari Kirim' } }
 */
export const TextMessageSchema = /* @__PURE__ */ strict({
  ...RECIPIENT_ENTRIES,
  type: /* @__PURE__ */ literal('text'),
  text: TextContentSchema,
})

/** The body of `POST /v1/messages` for a text message. */
export type TextMessageBody = InferInput<typeof TextMessageSchema>
