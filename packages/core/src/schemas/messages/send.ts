import type { InferInput } from 'valibot'
import { byType } from '../byType.ts'
import { InteractiveMessageSchema } from './interactive.ts'
import {
  AudioMessageSchema,
  DocumentMessageSchema,
  ImageMessageSchema,
  VideoMessageSchema,
} from './media.ts'
import { TemplateMessageSchema } from './template.ts'
import { TextMessageSchema } from './text.ts'

/**
 * The body of `POST /v1/messages`, by its `type`: `text`, `template`, `image`, `document`,
 * `video`, `audio` or `interactive`. Checks every documented limit before anything is sent;
 * an unknown field on a Kirim-defined object is an issue ("unknown field"), while template
 * components (Meta's shape) let unknown fields through.
 *
 * @example
 * const result = v.safeParse(SendMessageSchema, body, { abortEarly: false })
 * if (!result.success) console.log(toValidationIssues(result.issues))
 */
export const SendMessageSchema = /* @__PURE__ */ byType([
  TextMessageSchema,
  TemplateMessageSchema,
  ImageMessageSchema,
  DocumentMessageSchema,
  VideoMessageSchema,
  AudioMessageSchema,
  InteractiveMessageSchema,
])

/**
 * The body of `POST /v1/messages`: a union narrowed by `type`, so `{ type: 'image' }` without
 * `image` (or with `text`) does not compile.
 */
export type SendMessageBody = InferInput<typeof SendMessageSchema>

/** The message types Kirim sends: `'text' | 'template' | 'image' | … | 'interactive'`. */
export type MessageType = SendMessageBody['type']
