import { MessageSchema, type MessageStatus } from '@kirim/core'
import type { StatusUpdate } from '../messages/mergeStatus.ts'

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

// Core's Message schema holds the one list of statuses: an event with any other is not ours.
const isMessageStatus = (value: unknown): value is MessageStatus =>
  (MessageSchema.entries.status.options as readonly unknown[]).includes(value)

const optionalString = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined

// The proxy may relay Meta's code as a string ("131047"); the Message type has a number.
const providerCode = (value: unknown): number | null => {
  if (typeof value === 'number') return value
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value)
  return null
}

/**
 * The `data` of a `message.status` event as a {@link StatusUpdate}, or `undefined` when it is not
 * one this SDK understands (malformed JSON, an unknown status): such an event is skipped rather
 * than written into the cache.
 */
export function parseStatusEvent(data: string): StatusUpdate | undefined {
  let value: unknown
  try {
    value = JSON.parse(data)
  } catch {
    return undefined
  }
  if (!isRecord(value) || typeof value.id !== 'string' || !isMessageStatus(value.status)) {
    return undefined
  }
  const error = value.error
  return {
    id: value.id,
    status: value.status,
    updated_at: optionalString(value.updated_at),
    provider_message_id: optionalString(value.provider_message_id),
    error:
      isRecord(error) && typeof error.code === 'string'
        ? {
            ...error,
            code: error.code,
            message: optionalString(error.message) ?? '',
            provider_code: providerCode(error.provider_code),
          }
        : null,
  }
}
