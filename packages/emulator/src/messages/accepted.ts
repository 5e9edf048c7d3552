import { type ApiResult, jsonResult } from '../http/result.ts'
import type { Message } from './message.ts'

/**
 * The Message as its send answered it, rebuilt from the message as it is now: `pending`, or
 * `failed` with its error when it failed at once (then it never reached Meta and never
 * moves), with `updated_at` its `created_at`. Keys keep the order of the original answer.
 */
export function asAccepted(message: Message): Message {
  const failedAtOnce = message.provider_message_id === null
  const { error, ...fields } = message
  return {
    ...fields,
    status: failedAtOnce ? 'failed' : 'pending',
    updated_at: message.created_at,
    ...(failedAtOnce && error !== undefined ? { error } : {}),
  }
}

/**
 * A send's 202. The first answer and every idempotent replay are rendered by this one
 * function from the stored message, so a replay is the first answer byte for byte without
 * the store keeping the body.
 */
export const acceptedAnswer = (message: Message, requestId: string): ApiResult => ({
  ...jsonResult(202, { data: asAccepted(message), request_id: requestId }, requestId),
  messageId: message.id,
})
