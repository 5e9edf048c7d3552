import { isTerminalStatus, laterStatus, type Message, type MessageStatus } from '@kirim/core'
import { replaceEqualDeep } from '@tanstack/react-query'

/** A status change of one message, from the event stream or a fresher copy of the message. */
export interface StatusUpdate {
  readonly id: string
  readonly status: MessageStatus
  readonly updated_at?: string | undefined
  readonly provider_message_id?: string | null | undefined
  readonly error?: Message['error']
}

/** Whether `next` moves a message forward from `current` (a later rank, never out of a terminal status). */
export const isStatusAdvance = (current: MessageStatus, next: MessageStatus): boolean =>
  next !== current && laterStatus(current, next) === next

/**
 * `message` with `update` applied when the update moves it forward; `message` itself (the same
 * reference, so nothing re-renders) when the update is stale, repeated or out of order.
 */
export function applyStatusUpdate(message: Message, update: StatusUpdate): Message {
  if (update.id !== message.id || !isStatusAdvance(message.status, update.status)) return message
  return {
    ...message,
    status: update.status,
    updated_at: update.updated_at ?? message.updated_at,
    provider_message_id: update.provider_message_id ?? message.provider_message_id,
    error: update.status === 'failed' ? (update.error ?? message.error) : message.error,
  }
}

const isMessage = (value: unknown): value is Message =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { id?: unknown }).id === 'string' &&
  typeof (value as { status?: unknown }).status === 'string'

/**
 * The `structuralSharing` of message queries: a fetched copy whose status is behind the cached
 * one (a poll answered before a webhook the stream already delivered) keeps the cached message,
 * so a status never moves backwards; otherwise TanStack's usual structural sharing.
 */
export function keepLaterStatus(cached: unknown, fetched: unknown): unknown {
  if (isMessage(cached) && isMessage(fetched) && cached.id === fetched.id) {
    if (cached.status !== fetched.status && !isStatusAdvance(cached.status, fetched.status)) {
      return cached
    }
  }
  return replaceEqualDeep(cached, fetched)
}

/** Whether a cached message is settled: `read` or `failed`, so nothing can change it any more. */
export const isSettledMessage = (message: Message | undefined): boolean =>
  message !== undefined && isTerminalStatus(message.status)
