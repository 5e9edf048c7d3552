import { array, type InferInput, literal, optional, pipe, rawCheck } from 'valibot'
import { describeValue } from '../../describe.ts'
import { formatPath, isRecord, pathTo } from '../../path.ts'
import { count, LIMITS, text } from '../../rules.ts'
import { strict } from '../../strict.ts'
import { InteractiveBodySchema, InteractiveFooterSchema, InteractiveHeaderSchema } from './parts.ts'

// A button action always sits at `interactive.action` of a send body (see list.ts).
const ACTION_PATH = 'interactive.action'

/** A reply button: `{ type: 'reply', reply: { id (1–256, unique), title (1–20) } }`. */
export const ReplyButtonSchema = /* @__PURE__ */ strict({
  type: /* @__PURE__ */ literal('reply'),
  reply: /* @__PURE__ */ strict({
    /** Comes back in the customer's `button_reply`; unique among the buttons. */
    id: /* @__PURE__ */ text(1, LIMITS.replyButtonId),
    title: /* @__PURE__ */ text(1, LIMITS.replyButtonTitle),
  }),
})

/** Reply button ids are unique; a raw check so it runs even when a button has its own issue. */
/* @__NO_SIDE_EFFECTS__ */
function uniqueButtonIds<TInput>() {
  return rawCheck<TInput>(({ dataset, addIssue }) => {
    const action: unknown = dataset.value
    if (!isRecord(action) || !Array.isArray(action.buttons)) return
    const firstAt = new Map<string, string>()
    action.buttons.forEach((button: unknown, b: number) => {
      if (!isRecord(button) || !isRecord(button.reply) || typeof button.reply.id !== 'string') {
        return
      }
      const id = button.reply.id
      const first = firstAt.get(id)
      if (first === undefined) {
        firstAt.set(id, formatPath(['buttons', b, 'reply', 'id']))
      } else {
        addIssue({
          message: `duplicate button id ${describeValue(id)} (also at ${ACTION_PATH}.${first})`,
          path: pathTo(action, ['buttons', b, 'reply', 'id']),
        })
      }
    })
  })
}

/** The action of a button message: `{ buttons }`, 1–3 reply buttons. */
export const ButtonActionSchema = /* @__PURE__ */ pipe(
  /* @__PURE__ */ strict({
    buttons: /* @__PURE__ */ pipe(
      /* @__PURE__ */ array(ReplyButtonSchema),
      /* @__PURE__ */ count(1, LIMITS.replyButtons, 'button'),
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
