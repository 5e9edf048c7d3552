import { optional } from 'valibot'
import { PhoneNumberSchema } from '../rules.ts'

/**
 * The addressing fields every send body shares: `to` (required) and `from` (optional: Kirim
 * resolves the sender when the organisation has exactly one connected number).
 */
export const RECIPIENT_ENTRIES = {
  /** Sender, E.164 with a leading `+`; required when the organisation has several numbers. */
  from: /* @__PURE__ */ optional(PhoneNumberSchema),
  /** Recipient, E.164 with a leading `+`: `+628111111111`. */
  to: PhoneNumberSchema,
} as const
