import { type InferInput, literal, optional } from 'valibot'
import { CTA_DISPLAY_TEXT_MAX, HttpsUrlSchema, text } from '../../rules.ts'
import { strict } from '../../strict.ts'
import { InteractiveBodySchema, InteractiveFooterSchema, InteractiveHeaderSchema } from './parts.ts'

/**
 * A call-to-action URL message: one button that opens a link.
 *
 * @example
 * {
 *   type: 'cta_url',
 *   body: { text: 'Klik untuk melacak pesanan Anda.' },
 *   action: {
 *     name: 'cta_url',
 *     parameters: { display_text: 'Lacak Pesanan', url: 'https://example.com/orders/12345' },
 *   },
 * }
 */
export const CtaUrlInteractiveSchema = /* @__PURE__ */ strict({
  type: /* @__PURE__ */ literal('cta_url'),
  header: /* @__PURE__ */ optional(InteractiveHeaderSchema),
  body: InteractiveBodySchema,
  footer: /* @__PURE__ */ optional(InteractiveFooterSchema),
  action: /* @__PURE__ */ strict({
    name: /* @__PURE__ */ literal('cta_url'),
    parameters: /* @__PURE__ */ strict({
      /** The button label, 1–20 characters. */
      display_text: /* @__PURE__ */ text(1, CTA_DISPLAY_TEXT_MAX),
      /** Where the button leads: an https URL. */
      url: HttpsUrlSchema,
    }),
  }),
})

/** The `interactive` object of a cta_url message. */
export type CtaUrlInteractive = InferInput<typeof CtaUrlInteractiveSchema>
