/**
 * Ownership and status of the messages sent through the proxy: recorded at send time, moved
 * forward by webhooks and reads, and published to the owner's event stream, never backwards.
 */
import { laterStatus, type Message } from '../schemas/index.ts'
import type { ProxyContext } from './context.ts'
import type { StatusEventData } from './eventHub.ts'
import type { MessageRecord } from './stores.ts'

/** A status to publish for a message, with when it happened and, for `failed`, why. */
export interface StatusChange {
  readonly status: MessageRecord['status']
  readonly updatedAt: string
  readonly error: StatusEventData['error']
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
  context.eventHub.publish(record.subject, {
    id: record.id,
    status: change.status,
    provider_message_id: record.providerMessageId,
    updated_at: change.updatedAt,
    error: change.status === 'failed' ? change.error : null,
  })
}

/** Per store, the tail of the work queued on each message id. */
const queues = new WeakMap<object, Map<string, Promise<void>>>()

/**
 * Runs `task` after every earlier task on message `id` has finished. Webhooks arrive in parallel:
 * two that read the same record and both move it would publish `read`, then `delivered`.
 */
async function exclusive(
  context: ProxyContext,
  id: string,
  task: () => Promise<void>,
): Promise<void> {
  let queue = queues.get(context.messages)
  if (queue === undefined) {
    queue = new Map()
    queues.set(context.messages, queue)
  }
  const previous = queue.get(id) ?? Promise.resolve()
  const current = previous.then(task, task)
  const tail = current.catch(() => {})
  queue.set(id, tail)
  try {
    await current
  } finally {
    if (queue.get(id) === tail) queue.delete(id)
  }
}

/** Saves and publishes `change` when it is further along than `record`; else nothing. */
async function move(
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
 * Moves message `id` to `change.status` when that is further along than what was last
 * published, and publishes it; a stale or repeated status changes nothing.
 */
export function advance(context: ProxyContext, id: string, change: StatusChange): Promise<void> {
  return exclusive(context, id, async () => {
    const record = await context.messages.get(id)
    if (record !== undefined) await move(context, record, change)
  })
}

/**
 * Records that `subject` sent `message` (the answer of a send through the proxy) and publishes
 * its first status. An idempotent replay of a known message only moves it forward.
 */
export function recordSend(
  context: ProxyContext,
  subject: string,
  message: Message,
): Promise<void> {
  return exclusive(context, message.id, async () => {
    const known = await context.messages.get(message.id)
    if (known !== undefined) {
      if (known.subject === subject) await move(context, known, changeOf(message))
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
  })
}
