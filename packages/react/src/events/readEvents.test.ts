import type { EventSourceMessage } from 'eventsource-parser'
import { describe, expect, test } from 'vitest'
import { MAX_BUFFERED, readEvents } from './readEvents.ts'

const encoder = new TextEncoder()

/** A body that delivers exactly these chunks (strings are UTF-8 encoded), then ends. */
const bodyOf = (chunks: readonly (string | Uint8Array)[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks)
        controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk)
      controller.close()
    },
  })

const read = async (chunks: readonly (string | Uint8Array)[]) => {
  const events: EventSourceMessage[] = []
  const ids: string[] = []
  const retries: number[] = []
  let alive = 0
  const hooks = {
    onChunk: () => alive++,
    onId: (id: string) => ids.push(id),
    onRetry: (ms: number) => retries.push(ms),
  }
  for await (const event of readEvents(bodyOf(chunks), hooks)) events.push(event)
  return { events, ids, retries, alive }
}

const status = { event: 'message.status', data: '{"x":1}', id: 'a.7' }

describe('readEvents', () => {
  test('named events with ids, and the retry field', async () => {
    const { events, ids, retries } = await read([
      'retry: 3000\n\n',
      'id: a.1\nevent: message.status\ndata: {"status":"sent"}\n\n',
    ])
    expect(retries).toEqual([3000])
    expect(events).toEqual([{ event: 'message.status', data: '{"status":"sent"}', id: 'a.1' }])
    expect(ids).toEqual(['a.1'])
  })

  test('an event split anywhere across chunks, with CRLF, LF or CR line ends, is the same event', async () => {
    for (const end of ['\r\n', '\n', '\r']) {
      const frame = `id: a.7${end}event: message.status${end}data: {"x":1}${end}${end}`
      for (let cut = 0; cut <= frame.length; cut++) {
        const { events } = await read([frame.slice(0, cut), frame.slice(cut)])
        expect(events).toEqual([status])
      }
    }
    // A CR ending one chunk and an LF starting the next are one line end, not two.
    expect((await read(['data: a\r', '\ndata: b\r\n\r\n'])).events).toEqual([
      { event: undefined, data: 'a\nb', id: undefined },
    ])
  })

  test('multi-line data is joined with LF, and a character split across chunks arrives whole', async () => {
    const bytes = encoder.encode('data: Halo 👋\ndata: Kirim\n\n')
    for (let cut = 0; cut <= bytes.length; cut++) {
      const { events } = await read([bytes.slice(0, cut), bytes.slice(cut)])
      expect(events.map((event) => event.data)).toEqual(['Halo 👋\nKirim'])
    }
  })

  test('comments (the proxy heartbeat) and unknown fields are ignored, yet count as life; one space after the colon is dropped', async () => {
    const { events, alive } = await read([
      ': ping\n\n',
      ': ping\n\n',
      'foo: bar\ndata:  two\ndata\n\n',
    ])
    expect(events).toEqual([{ event: undefined, data: ' two\n', id: undefined }])
    expect(alive).toBe(3)
  })

  test('an event without data is not dispatched, but its id counts', async () => {
    const { events, ids } = await read(['id: a.3\nevent: message.status\n\n'])
    expect(events).toEqual([])
    expect(ids).toEqual(['a.3'])
  })

  test('an id counts only once its event is complete; an event the body cut short is dropped; an id with NUL is ignored', async () => {
    const { events, ids } = await read(['id: a.1\ndata: x\n\n', 'id: a.2\ndata: y\n'])
    expect(events.map((event) => event.data)).toEqual(['x'])
    expect(ids).toEqual(['a.1'])
    expect((await read(['id: a\u0000b\ndata: x\n\n'])).ids).toEqual([])
  })

  test('retry accepts digits only', async () => {
    const { retries } = await read(['retry: 1500\n', 'retry: 15s\n', 'retry: -1\n', 'retry:\n\n'])
    expect(retries).toEqual([1500])
  })

  test('leaving early cancels the body, and reports no id past the last event taken', async () => {
    let cancelled = false
    const ids: string[] = []
    // A body still open, as a live stream is.
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('id: b.1\ndata: one\n\nid: b.2\ndata: two\n\n'))
      },
      cancel() {
        cancelled = true
      },
    })
    for await (const event of readEvents(body, { onId: (id) => ids.push(id) })) {
      expect(event.data).toBe('one')
      break
    }
    expect(ids).toEqual(['b.1'])
    expect(cancelled).toBe(true)
  })

  test(`buffers at most ${MAX_BUFFERED} characters of an unfinished event, then ends the read`, async () => {
    const line = (length: number) => `data: ${'x'.repeat(length - 'data: '.length)}`
    const { events } = await read([line(MAX_BUFFERED), '\n\n'])
    expect(events[0]?.data).toHaveLength(MAX_BUFFERED - 'data: '.length)
    await expect(read([line(MAX_BUFFERED + 1), '\n\n'])).rejects.toMatchObject({
      type: 'max-buffer-size-exceeded',
    })
  })
})
