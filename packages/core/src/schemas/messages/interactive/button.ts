import { array, type InferInput, literal, optional, pipe, rawCheck } from 'valibot'
import { isRecord } from '../../path.ts'
import { count } from '../../rule.ts'
import {
  REPLY_BUTTON_ID_MAX,
  REPLY_BUTTON_TITLE_MAX,
  REPLY_BUTTONS_MAX,
  text,
} from '../../rules.ts'
import { strict } from '../../strict.ts'
import { InteractiveBodySchema, InteractiveFooterSchema, InteractiveHeaderSchema } from './parts.ts'
import { uniqueIds } from './uniqueIds.ts'

/** A reply button: `{ type: 'reply', reply: { id (1–256, unique), title (1–20) } }`. */
export const ReplyButtonSchema = /* @__PURE__ */ strict({
  type: /* @__PURE__ */ literal('reply'),
  reply: /* @__PURE__ */ strict({
    /** Comes back in the customer's `button_reply`; unique among the buttons. */
    id: /* @__PURE__ */ text(1, REPLY_BUTTON_ID_MAX),
    title: /* @__PURE__ */ text(1, REPLY_BUTTON_TITLE_MAX),
  }),
})

/** Reply button ids are unique; a raw check so it runs even when a button has its own issue. */
/* @__NO_SIDE_EFFECTS__ */
function uniqueButtonIds<TInput>() {
  return rawCheck<TInput>(({ dataset, addIssue }) => {
    const action: unknown = dataset.value
    if (!isRecord(action) || !Array.isArray(action.buttons)) return
    const see = uniqueIds(action, 'button', addIssue)
    action.buttons.forEach((button: unknown, b: number) => {
      if (isRecord(button) && isRecord(button.reply))
        see(button.reply.id, ['buttons', b, 'reply', 'id'])
    })
  })
}

/** The action of a button message: `{ buttons }`, 1–3 reply buttons. */
export const ButtonActionSchema = /* @__PURE__ */ pipe(
  /* @__PURE__ */ strict({
    buttons: /* @__PURE__ */ pipe(
      /* @__PURE__ */ array(ReplyButtonSchema),
      /* @__PURE__ */ count(1, REPLY_BUTTONS_MAX, 'button'),
    ),
  }),
  /* @__PURE__ */ uniqueButtonIds(),
)

/**
 * A reply-button message: up to 3 buttons. The customer's tap comes back as a
 * `message.received` event carrying the button `id`.
 *
 * @example
 * {
 *   type: 'button',
 *   body: { text: 'Konfirmasi pesanan?' },
 *   action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Ya' } }] },
 * }
 */
export const ButtonInteractiveSchema = /* @__PURE__ */ strict({
  type: /* @__PURE__ */ literal('button'),
  header: /* @__PURE__ */ optional(InteractiveHeaderSchema),
  body: InteractiveBodySchema,
  footer: /* @__PURE__ */ optional(InteractiveFooterSchema),
  action: ButtonActionSchema,
})

/** The `interactive` object of a button message. */
export type ButtonInteractive = InferInput<typeof ButtonInteractiveSchema>
