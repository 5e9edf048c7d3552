/**
 * Ownership and status of the messages sent through the proxy: recorded at send time, moved
 * forward by webhooks and reads, and published to the owner's event stream, never backwards.
 */
import { ValidationError } from '../errors/ValidationError.ts'
import { laterStatus, type Message, MessageSchema, parseOrThrow } from '../schemas/index.ts'
import type { ProxyContext } from './context.ts'
import type { StatusEventData } from './events.ts'
import type { MessageRecord } from './stores.ts'

/** A status to publish for a message, with when it happened and, for `failed`, why. */
export interface StatusChange {
  readonly status: MessageRecord['status']
  readonly updatedAt: string
  readonly error: StatusEventData['error']
}

/** The Message inside a `{ data: Message }` answer of the API, or `undefined`. */
export function messageOf(text: string): Message | undefined {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return undefined
  }
  const data =
    typeof body === 'object' && body !== null ? (body as { data?: unknown }).data : undefined
  const result = safeParse(MessageSchema, data)
  return result.success ? result.output : undefined
}

/** The status change a Message shows. */
export function changeOf(message: Message): StatusChange {
  return {
    status: message.status,
    updatedAt: message.updated_at ?? message.created_at,
    error:
      message.status === 'failed' && message.error != null
        ? {
            code: message.error.code,
            message: message.error.message,
            provider_code: message.error.provider_code ?? null,
          }
        : null,
  }
}

function publish(context: ProxyContext, record: MessageRecord, change: StatusChange): void {
  context.hub.publish(record.subject, {
    id: record.id,
    status: change.status,
    provider_message_id: record.providerMessageId,
    updated_at: change.updatedAt,
    error: change.status === 'failed' ? change.error : null,
  })
}

/**
 * Moves `record` to `change.status` when that is further along, and publishes it; a stale or
 * repeated status changes nothing.
 */
export async function advance(
  context: ProxyContext,
  record: MessageRecord,
  change: StatusChange,
): Promise<void> {
  if (laterStatus(record.status, change.status) === record.status) return
  const next: MessageRecord = { ...record, status: change.status }
  await context.messages.put(next)
  publish(context, next, change)
}

/**
 * Records that `subject` sent `message` (the answer of a send through the proxy) and publishes
 * its first status. An idempotent replay of a known message only moves it forward.
 */
export async function recordSend(
  context: ProxyContext,
  subject: string,
  message: Message,
): Promise<void> {
  const known = await context.messages.get(message.id)
  if (known !== undefined) {
    if (known.subject === subject) await advance(context, known, changeOf(message))
    return
  }
  const record: MessageRecord = {
    id: message.id,
    subject,
    providerMessageId: message.provider_message_id ?? null,
    status: message.status,
  }
  await context.messages.put(record)
  publish(context, record, changeOf(message))
}
