import type { MessageType } from '../messages/message.ts'
import {
  asObject,
  type JsonObject,
  onlyFields,
  optionalBoolean,
  phoneNumber,
  requiredEnum,
  requiredObject,
  requiredString,
} from './fields.ts'
import { validateInteractive } from './interactive.ts'
import { FIELDS, LIMITS, MESSAGE_TYPES } from './limits.ts'
import { validateMedia } from './media.ts'
import { type TemplateRequest, validateTemplate } from './template.ts'

/** A `POST /v1/messages` body that passed every rule. */
export interface SendRequest {
  readonly from: string | undefined
  readonly to: string
  readonly type: MessageType
  /** The `<type>` object, as sent. */
  readonly payload: JsonObject
  /** Present for `template` sends. */
  readonly template: TemplateRequest | undefined
  /** Media the send points at (media messages, headers), checked for reachability. */
  readonly mediaUrls: readonly string[]
}

/**
 * Checks a send body against every rule of the contract, in document order, and throws
 * the first failure as a 400 naming the field (`param`) and the rule. Each object's unknown
 * fields are refused once its `type` (which decides its shape) is known, before its other
 * fields. The body's size and depth were checked when it was read.
 */
export function validateSendBody(value: unknown): SendRequest {
  const body = asObject(value, '')
  if (body.to === undefined) requiredString(body, 'to', '')
  const to = phoneNumber(body.to, 'to')
  const from = body.from === undefined ? undefined : phoneNumber(body.from, 'from')
  const type = requiredEnum(body, 'type', '', MESSAGE_TYPES)
  onlyFields(body, '', [...FIELDS.send, type])
  let template: TemplateRequest | undefined
  const mediaUrls: string[] = []
  switch (type) {
    case 'text': {
      const text = requiredObject(body, 'text', '')
      onlyFields(text, 'text', FIELDS.text)
      requiredString(text, 'body', 'text', LIMITS.textBody)
      optionalBoolean(text, 'preview_url', 'text')
      break
    }
    case 'template':
      template = validateTemplate(body)
      mediaUrls.push(...template.mediaUrls)
      break
    case 'interactive': {
      const { mediaUrl } = validateInteractive(body)
      if (mediaUrl !== undefined) mediaUrls.push(mediaUrl)
      break
    }
    default:
      mediaUrls.push(validateMedia(body, type).url)
  }
  return { from, to, type, payload: body[type] as JsonObject, template, mediaUrls }
}
