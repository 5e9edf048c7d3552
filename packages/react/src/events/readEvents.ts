import { createParser, type EventSourceMessage, type ParseError } from 'eventsource-parser'

/** What {@link readEvents} reports besides the events themselves. */
export interface ReadEventsHooks {
  /** Bytes arrived (an event, part of one, or a heartbeat comment): the connection is alive. */
  readonly onChunk?: (() => void) | undefined
  /**
   * A block ended with an `id:` field: the id to resume from (`''` resets it). Called at the blank
   * line, before that block's event, never for a block the stream cut short, so a reconnection
   * resumes before an event it did not receive whole.
   */
  readonly onId?: ((id: string) => void) | undefined
  /** A valid `retry:` field: the server's reconnection delay in milliseconds. */
  readonly onRetry?: ((milliseconds: number) => void) | undefined
}

// A status event is a few hundred characters. A stream that buffers a mebibyte without ending an
// event is broken (or not ours) and must not grow the page's memory without bound.
export const MAX_BUFFERED = 1 << 20

// Malformed lines (unknown fields, a `retry` that is not digits) are ignored, as EventSource does;
// only an overflow ends the read, and with it the connection.
const onError = (error: ParseError): void => {
  if (error.type === 'max-buffer-size-exceeded') throw error
}

/**
 * The events of a `text/event-stream` body, as they complete, parsed by `eventsource-parser`
 * (the HTML standard's algorithm: CRLF, LF or CR line ends, comments, multi-line `data`, an
 * event still open when the body ends is dropped). Leaving the loop early cancels the body.
 *
 * @example
 * for await (const event of readEvents(response.body, { onChunk: rearm })) handle(event)
 */
export async function* readEvents(
  body: ReadableStream<Uint8Array>,
  hooks: ReadEventsHooks = {},
): AsyncGenerator<EventSourceMessage, void, undefined> {
  // Ids and events in stream order, so an id is reported only once the events before it were
  // taken: a reader that stops at one event resumes right after it, not after the whole chunk.
  const parsed: ({ readonly id: string } | { readonly event: EventSourceMessage })[] = []
  const parser = createParser({
    onEvent: (event) => parsed.push({ event }),
    onId: (id) => parsed.push({ id }),
    onRetry: hooks.onRetry,
    onError,
    maxBufferSize: MAX_BUFFERED,
  })
  const decoder = new TextDecoder()
  const reader = body.getReader()
  let ended = false
  try {
    for (;;) {
      const { done, value } = await reader.read().catch((error: unknown) => {
        ended = true
        throw error
      })
      if (done) {
        ended = true
        return
      }
      hooks.onChunk?.()
      parser.feed(decoder.decode(value, { stream: true }))
      for (const item of parsed.splice(0)) {
        if ('event' in item) yield item.event
        else hooks.onId?.(item.id)
      }
    }
  } finally {
    // A reader that stops early (or an overflow) frees the connection; a body that ended or
    // failed has nothing left to free.
    if (!ended) await reader.cancel().catch(() => {})
  }
}
