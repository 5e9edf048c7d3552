import { type InferInput, literal } from 'valibot'
import { byType } from '../byType.ts'
import { strict } from '../strict.ts'
import { ButtonInteractiveSchema } from './interactive/button.ts'
import { CtaUrlInteractiveSchema } from './interactive/ctaUrl.ts'
import { ListInteractiveSchema } from './interactive/list.ts'
import { RECIPIENT_ENTRIES } from './recipient.ts'

/** The `interactive` object, by its `type`: `cta_url`, `list` or `button`. */
export const InteractiveContentSchema = /* @__PURE__ */ byType([
  CtaUrlInteractiveSchema,
  ListInteractiveSchema,
  ButtonInteractiveSchema,
])

/**
 * An interactive message (needs an open 24-hour window with the recipient).
 *
 * @example
 * {
 *   to: '+628111111111',
 *   type: 'interactive',
 *   interactive: {
 *     type: 'button',
 *     body: { text: 'Konfirmasi pesanan?' },
 *     action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Ya' } }] },
 *   },
 * }
 */
export const InteractiveMessageSchema = /* @__PURE__ */ strict({
  ...RECIPIENT_ENTRIES,
  type: /* @__PURE__ */ literal('interactive'),
  interactive: InteractiveContentSchema,
})

/** The body of `POST /v1/messages` for an interactive message. */
export type InteractiveMessageBody = InferInput<typeof InteractiveMessageSchema>
/** The `interactive` object of any interactive message. */
export type Interactive = InferInput<typeof InteractiveContentSchema>
