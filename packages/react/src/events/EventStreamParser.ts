/** One event of a `text/event-stream`, as the HTML standard's "dispatch the event" step builds it. */
export interface ServerSentEvent {
  /** The `event:` field, or `'message'` when the event named none. */
  readonly type: string
  /** The `data:` lines joined with `\n`. */
  readonly data: string
  /** The last `id:` seen on the stream so far (it carries over to later events), or `''`. */
  readonly lastEventId: string
}

/** What the parser reports while it reads. */
export interface EventStreamHandlers {
  readonly onEvent: (event: ServerSentEvent) => void
  /** A valid `retry:` field: the server's reconnection delay in milliseconds. */
  readonly onRetry?: ((milliseconds: number) => void) | undefined
}

/**
 * Parses `text/event-stream` text fed in arbitrary chunks, exactly as the HTML standard's
 * EventSource does: lines end in CRLF, LF or CR (a CR at the end of one chunk and an LF at the
 * start of the next are one line end), `:` lines are comments, one space after the colon is
 * dropped, an `id` containing NUL is ignored, and an event still open when the stream ends is
 * discarded.
 */
export class EventStreamParser {
  readonly #handlers: EventStreamHandlers
  #buffer = ''
  #skipLeadingLineFeed = false
  #type = ''
  #data = ''
  #hasData = false
  #idBuffer: string
  #lastEventId: string

  constructor(handlers: EventStreamHandlers, lastEventId = '') {
    this.#handlers = handlers
    this.#idBuffer = lastEventId
    this.#lastEventId = lastEventId
  }

  /**
   * The id the next reconnection should send as `Last-Event-ID` (`''` when none was seen). Like
   * EventSource, an `id:` counts only once its event is complete (at the blank line), so a
   * connection cut mid-event resumes before that event, not after it.
   */
  get lastEventId(): string {
    return this.#lastEventId
  }

  /** Feeds decoded text; complete lines are parsed at once, a trailing partial line waits. */
  feed(text: string): void {
    let chunk = text
    if (this.#skipLeadingLineFeed && chunk.startsWith('\n')) chunk = chunk.slice(1)
    this.#skipLeadingLineFeed = false
    this.#buffer += chunk
    let start = 0
    for (let index = 0; index < this.#buffer.length; index++) {
      const char = this.#buffer[index]
      if (char !== '\n' && char !== '\r') continue
      this.#line(this.#buffer.slice(start, index))
      if (char === '\r') {
        if (index + 1 === this.#buffer.length) this.#skipLeadingLineFeed = true
        else if (this.#buffer[index + 1] === '\n') index++
      }
      start = index + 1
    }
    this.#buffer = this.#buffer.slice(start)
  }

  #line(line: string): void {
    if (line === '') {
      this.#dispatch()
      return
    }
    if (line.startsWith(':')) return
    const colon = line.indexOf(':')
    const field = colon === -1 ? line : line.slice(0, colon)
    let value = colon === -1 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    switch (field) {
      case 'event':
        this.#type = value
        break
      case 'data':
        this.#data += this.#hasData ? `\n${value}` : value
        this.#hasData = true
        break
      case 'id':
        if (!value.includes('\u0000')) this.#idBuffer = value
        break
      case 'retry':
        if (/^\d+$/.test(value)) this.#handlers.onRetry?.(Number(value))
        break
    }
  }

  #dispatch(): void {
    this.#lastEventId = this.#idBuffer
    const event: ServerSentEvent | undefined = this.#hasData
      ? { type: this.#type || 'message', data: this.#data, lastEventId: this.#lastEventId }
      : undefined
    this.#type = ''
    this.#data = ''
    this.#hasData = false
    if (event !== undefined) this.#handlers.onEvent(event)
  }
}
