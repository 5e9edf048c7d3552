/**
 * `GET <basePath>/events`: the Server-Sent Events stream of the token's subject, as
 * `events-protocol.md` specifies: `retry: 3000` first, then the subject's buffered events (those
 * after `Last-Event-ID` on a reconnection; all of them on a first connection, so a page that
 * subscribes just after sending misses nothing), then live `message.status` events, `: ping`
 * heartbeats, and `event: error` with `{"code":"token_expired"}` when the token runs out.
 * Cleaned up when the client goes (request aborted, or stream cancelled).
 *
 * A `failed` event carries the Message's `error` (`{ code, message, provider_code }`, Kirim's
 * code, read from upstream); when upstream cannot say, `code` is `delivery_failed` with Meta's
 * message and code.
 */
import type { ProxyContext } from '../context.ts'
import type { HubEvent, Subscription } from '../eventHub.ts'
import type { TokenClaims } from '../token.ts'

/** The reconnection delay the stream asks of `EventSource`, in ms. */
export const RETRY_MS = 3000
/** Chunks queued for a client that does not read before it is dropped: it can resume later. */
const MAX_BACKLOG = 1000

const encoder = new TextEncoder()

/** An event in SSE framing. Data is one line of JSON: no newline can break the frame. */
export function frame(event: HubEvent): string {
  return `id: ${event.id}\nevent: message.status\ndata: ${event.data}\n\n`
}

/** Opens the stream for a verified token. */
export function streamEvents(
  context: ProxyContext,
  request: Request,
  claims: TokenClaims,
): Response {
  const query = new URL(request.url).searchParams
  const lastEventId = request.headers.get('last-event-id') ?? query.get('lastEventId') ?? undefined
  let finish: (last?: string) => void = () => {}

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true
      let subscription: Subscription | undefined
      let heartbeat: ReturnType<typeof setInterval> | undefined
      let expiry: ReturnType<typeof setTimeout> | undefined

      const write = (text: string): void => {
        if (!open) return
        try {
          controller.enqueue(encoder.encode(text))
        } catch {
          finish()
          return
        }
        if ((controller.desiredSize ?? 0) < -MAX_BACKLOG) finish()
      }
      const onAbort = (): void => finish()
      finish = (last) => {
        if (!open) return
        if (last !== undefined) write(last)
        open = false
        subscription?.unsubscribe()
        clearInterval(heartbeat)
        clearTimeout(expiry)
        request.signal.removeEventListener('abort', onAbort)
        try {
          controller.close()
        } catch {}
      }

      write(`retry: ${RETRY_MS}\n\n`)
      subscription = context.eventHub.subscribe(
        claims.sub,
        { event: (event) => write(frame(event)), close: () => finish() },
        lastEventId,
      )
      for (const event of subscription.replay) write(frame(event))
      heartbeat = setInterval(() => write(': ping\n\n'), context.options.heartbeatInterval)
      expiry = setTimeout(
        () => finish('event: error\ndata: {"code":"token_expired"}\n\n'),
        Math.max(0, claims.exp * 1000 - Date.now()),
      )
      if (request.signal.aborted) finish()
      else request.signal.addEventListener('abort', onAbort, { once: true })
    },
    cancel() {
      finish()
    },
  })

  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
