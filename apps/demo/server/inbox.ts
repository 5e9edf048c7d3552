/**
 * The demo's inbox: customer messages taken from verified `message.received` webhooks, kept in a
 * bounded list and streamed to the page as Server-Sent Events (`GET /api/demo/inbox`). The
 * proxy's own event stream carries only statuses, so this is how the page sees a reply or a
 * list choice arrive.
 */
import { inboundMessages, type WebhookEvent } from '@kirim/core/webhooks'
import { INBOX_EVENT, type InboxEntry } from '../shared/protocol.ts'

/** A running inbox. */
export interface Inbox {
  /** Adds the customer messages of a verified webhook event (other events are ignored). */
  record(event: WebhookEvent): void
  /** The SSE answer to `GET /api/demo/inbox`: every entry so far, then each new one. */
  stream(request: Request): Response
  /** Ends every open stream. */
  close(): void
}

/** Options of {@link createInbox}. */
export interface InboxOptions {
  /** How many entries to keep. @default 200 */
  readonly limit?: number
  /** How often to send a `: ping` comment, in ms. @default 15000 */
  readonly heartbeatInterval?: number
}

const encoder = new TextEncoder()

/** Business numbers by their Meta phone-number id, from the event's metadata. */
function businessNumbers(event: WebhookEvent): Map<string, string> {
  const numbers = new Map<string, string>()
  if (event.type !== 'message.received') return numbers
  for (const entry of event.data.entry) {
    for (const change of entry.changes) {
      const { phone_number_id, display_phone_number } = change.value.metadata
      numbers.set(phone_number_id, `+${display_phone_number.replace(/\D/g, '')}`)
    }
  }
  return numbers
}

function toEntries(event: WebhookEvent): InboxEntry[] {
  if (event.type !== 'message.received') return []
  const numbers = businessNumbers(event)
  return inboundMessages(event).map((message) => ({
    id: message.wamid,
    from: message.from,
    to: numbers.get(message.phoneNumberId),
    type: message.type,
    text: message.text ?? message.button?.text,
    interactive: message.interactive,
    profileName: message.profileName,
    receivedAt: message.timestamp.toISOString(),
  }))
}

/** Creates an empty inbox. */
export function createInbox({ limit = 200, heartbeatInterval = 15_000 }: InboxOptions = {}): Inbox {
  // Each entry with its sequence number: the SSE id, so a reconnect resumes after it.
  const entries: { readonly seq: number; readonly entry: InboxEntry }[] = []
  const seen = new Set<string>()
  const subscribers = new Set<(chunk: string) => void>()
  const closers = new Set<() => void>()
  let seq = 0

  const frame = (item: { seq: number; entry: InboxEntry }): string =>
    `id: ${item.seq}\nevent: ${INBOX_EVENT}\ndata: ${JSON.stringify(item.entry)}\n\n`

  return {
    record(event) {
      for (const entry of toEntries(event)) {
        // Kirim delivers at least once.
        if (seen.has(entry.id)) continue
        seen.add(entry.id)
        const item = { seq: ++seq, entry }
        entries.push(item)
        if (entries.length > limit) seen.delete(entries.shift()!.entry.id)
        for (const send of subscribers) send(frame(item))
      }
    },

    stream(request) {
      const lastId = Number(
        request.headers.get('last-event-id') ??
          new URL(request.url).searchParams.get('lastEventId'),
      )
      const after = Number.isInteger(lastId) && lastId > 0 ? lastId : 0
      let cleanup = () => {}
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          const send = (chunk: string) => controller.enqueue(encoder.encode(chunk))
          send('retry: 3000\n\n')
          for (const item of entries) if (item.seq > after) send(frame(item))
          const heartbeat = setInterval(() => send(': ping\n\n'), heartbeatInterval)
          const close = () => {
            cleanup()
            try {
              controller.close()
            } catch {
              // Already cancelled by the client.
            }
          }
          cleanup = () => {
            clearInterval(heartbeat)
            subscribers.delete(send)
            closers.delete(close)
            request.signal.removeEventListener('abort', close)
          }
          subscribers.add(send)
          closers.add(close)
          request.signal.addEventListener('abort', close)
        },
        cancel() {
          cleanup()
        },
      })
      return new Response(body, {
        headers: {
          'Content-Type': 'text/event-stream; charset=utf-8',
          'Cache-Control': 'no-cache, no-transform',
          'X-Accel-Buffering': 'no',
        },
      })
    },

    close() {
      for (const close of [...closers]) close()
    },
  }
}
