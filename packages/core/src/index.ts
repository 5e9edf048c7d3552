/**
 * @module `@kirim/core`: send WhatsApp messages through Kirim from browsers, Node ≥ 22, Deno,
 * Bun, Workers and Vercel Edge, on Web standards alone.
 *
 * @example
 * import { Kirim } from '@kirim/core'
 *
 * const kirim = new Kirim({ apiKey: env.KIRIM_API_KEY })
 * const message = await kirim.messages.send({ to: '+628111111111', type: 'text', text: { body: 'Halo' } })
 */
export { Kirim } from './client/Kirim.ts'
export type { ApiErrorDetails } from './errors/ApiErrorDetails.ts'
export { ApiServerError } from './errors/ApiServerError.ts'
export { AuthenticationError } from './errors/AuthenticationError.ts'
export { ConflictError } from './errors/ConflictError.ts'
export { ConnectionError, type ConnectionErrorCode } from './errors/ConnectionError.ts'
export { InvalidRequestError } from './errors/InvalidRequestError.ts'
export { InvalidResponseError } from './errors/InvalidResponseError.ts'
export { KirimError } from './errors/KirimError.ts'
export { NotFoundError } from './errors/NotFoundError.ts'
export { PermissionError } from './errors/PermissionError.ts'
export { RateLimitError } from './errors/RateLimitError.ts'
export { ValidationError, type ValidationIssue } from './errors/ValidationError.ts'
export type { RateLimit } from './http/rateLimit.ts'
export { createIdempotencyKey } from './messages/idempotencyKey.ts'
export type { Messages, SendOptions } from './messages/Messages.ts'
export type {
  SendManyBodies,
  SendManyClock,
  SendManyFailed,
  SendManyItemResult,
  SendManyOptions,
  SendManyProgress,
  SendManyResult,
  SendManySent,
} from './messages/sendMany/types.ts'
export type { WaitForOptions } from './messages/waitFor.ts'
export type { Page, PagePromise } from './pagination/PagePromise.ts'
export {
  type AudioMessageBody,
  type DocumentMessageBody,
  type ImageMessageBody,
  type InteractiveMessageBody,
  isTerminalStatus,
  laterStatus,
  type Me,
  MeSchema,
  type Message,
  type MessageError,
  MessageSchema,
  type MessageStatus,
  type MessageType,
  parseSendMessage,
  type SendMessageBody,
  SendMessageSchema,
  type Template,
  type TemplateListParams,
  TemplateListParamsSchema,
  type TemplateMessageBody,
  TemplateSchema,
  type TextMessageBody,
  type TokenResponse,
  TokenResponseSchema,
  type VideoMessageBody,
} from './schemas/index.ts'
export type { Templates } from './templates/Templates.ts'
export type {
  ApiKeyOptions,
  BaseKirimOptions,
  KirimOptions,
  RequestOptions,
  TokenFunction,
  TokenOptions,
  TokenUrlOptions,
} from './types/options.ts'
