/**
 * @module The valibot schemas of `@kirim/core`: the single source of truth for every shape the
 * SDK sends and receives. Types are inferred from these schemas, never written twice.
 */

export { describeValue } from './describe.ts'
export { dataEnvelope, listEnvelope } from './envelope.ts'
export type { ApiErrorBody } from './error.ts'
export { ApiErrorBodySchema } from './error.ts'
// Parsing and issues
export { toValidationIssues } from './issues.ts'
export type { Me } from './me.ts'
export { MeSchema } from './me.ts'
// Responses
export type { Message, MessageError, MessageStatus } from './message.ts'
export {
  MESSAGE_STATUSES,
  MessageEnvelopeSchema,
  MessageErrorSchema,
  MessageSchema,
  MessageStatusSchema,
} from './message.ts'
export type { ButtonInteractive } from './messages/interactive/button.ts'
export { ButtonInteractiveSchema } from './messages/interactive/button.ts'
export type { CtaUrlInteractive } from './messages/interactive/ctaUrl.ts'
export { CtaUrlInteractiveSchema } from './messages/interactive/ctaUrl.ts'
export type { ListInteractive } from './messages/interactive/list.ts'
export { ListInteractiveSchema } from './messages/interactive/list.ts'
export type { Interactive, InteractiveMessageBody } from './messages/interactive.ts'
export { InteractiveContentSchema, InteractiveMessageSchema } from './messages/interactive.ts'
export type {
  AudioMessageBody,
  DocumentMessageBody,
  ImageMessageBody,
  VideoMessageBody,
} from './messages/media.ts'
export {
  AudioContentSchema,
  AudioMessageSchema,
  DocumentContentSchema,
  DocumentMessageSchema,
  ImageContentSchema,
  ImageMessageSchema,
  VideoContentSchema,
  VideoMessageSchema,
} from './messages/media.ts'
// Send bodies (POST /v1/messages)
export type { MessageType, SendMessageBody } from './messages/send.ts'
export { SendMessageSchema } from './messages/send.ts'
export type {
  TemplateComponent,
  TemplateLanguage,
  TemplateMessageBody,
} from './messages/template.ts'
export {
  BodyComponentSchema,
  ButtonComponentSchema,
  HeaderComponentSchema,
  TemplateComponentSchema,
  TemplateContentSchema,
  TemplateLanguageSchema,
  TemplateMessageSchema,
} from './messages/template.ts'
export type { TextMessageBody } from './messages/text.ts'
export { TextContentSchema, TextMessageSchema } from './messages/text.ts'
export { parseOrThrow, parseSendMessage, validate } from './parse.ts'
// Rules
export { codePointLength } from './rule.ts'
export {
  E164_REGEX,
  HEADER_SAFE,
  HttpsUrlSchema,
  IDEMPOTENCY_KEY_MAX,
  IDEMPOTENCY_KEY_REGEX,
  IDEMPOTENCY_KEY_RULE,
  IdempotencyKeySchema,
  isHeaderSafe,
  isHttpsUrl,
  isIdempotencyKey,
  LANGUAGE_CODE_REGEX,
  LIMITS,
  PhoneNumberSchema,
  TEMPLATE_NAME_REGEX,
} from './rules.ts'
// Status order
export { isTerminalStatus, laterStatus, STATUS_RANK } from './status.ts'
export type {
  KnownTemplateCategory,
  KnownTemplateStatus,
  Template,
  TemplateCategory,
  TemplateComponentInfo,
  TemplateStatus,
} from './template.ts'
export { TEMPLATE_CATEGORIES, TEMPLATE_STATUSES, TemplateSchema } from './template.ts'
export type { TemplateListParams } from './templateListParams.ts'
export { TemplateListParamsSchema } from './templateListParams.ts'
export type { TokenResponse } from './token.ts'
export { TokenResponseSchema } from './token.ts'
