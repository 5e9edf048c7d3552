import { describe, expect, test } from 'vitest'
import { EventStreamParser, type ServerSentEvent } from './EventStreamParser.ts'

const parse = (chunks: readonly string[], lastEventId = '') => {
  const events: ServerSentEvent[] = []
  const retries: number[] = []
  const parser = new EventStreamParser(
    { onEvent: (event) => events.push(event), onRetry: (ms) => retries.push(ms) },
    lastEventId,
  )
  for (const chunk of chunks) parser.feed(chunk)
  return { events, retries, parser }
}

describe('EventStreamParser', () => {
  test('parses named events with ids, and the retry field', () => {
    const { events, retries, parser } = parse([
      'retry: 3000\n\n',
      'id: a.1\nevent: message.status\ndata: {"status":"sent"}\n\n',
    ])
    expect(retries).toEqual([3000])
    expect(events).toEqual([
      { type: 'message.status', data: '{"status":"sent"}', lastEventId: 'a.1' },
    ])
    expect(parser.lastEventId).toBe('a.1')
  })

  test('an event split anywhere across chunks, with CRLF, LF or CR line ends, is the same event', () => {
    const frame = 'id: a.7\r\nevent: message.status\r\ndata: {"x":1}\r\n\r\n'
    for (let cut = 0; cut <= frame.length; cut++) {
      const { events } = parse([frame.slice(0, cut), frame.slice(cut)])
      expect(events).toEqual([{ type: 'message.status', data: '{"x":1}', lastEventId: 'a.7' }])
    }
    expect(parse(['data: a\rdata: b\r\r']).events).toEqual([
      { type: 'message', data: 'a\nb', lastEventId: '' },
    ])
    // A CR ending one chunk and an LF starting the next are one line end, not two.
    expect(parse(['data: a\r', '\ndata: b\r\n\r\n']).events).toEqual([
      { type: 'message', data: 'a\nb', lastEventId: '' },
    ])
  })

  test('comments (the proxy heartbeat) and unknown fields are ignored; one space after the colon is dropped', () => {
    const { events } = parse([': ping\n\n', 'foo: bar\ndata:  two spaces\ndata\n\n'])
    expect(events).toEqual([{ type: 'message', data: ' two spaces\n', lastEventId: '' }])
  })

  test('an event without data is not dispatched, but its id counts', () => {
    const { events, parser } = parse(['id: a.3\nevent: message.status\n\n'])
    expect(events).toEqual([])
    expect(parser.lastEventId).toBe('a.3')
  })

  test('an id counts only once its event is complete; an id with NUL is ignored', () => {
    const { parser } = parse(['id: a.1\ndata: x\n\n', 'id: a.2\ndata: y\n'])
    expect(parser.lastEventId).toBe('a.1')
    expect(parse(['id: a\u0000b\ndata: x\n\n'], 'a.0').events[0]?.lastEventId).toBe('a.0')
  })

  test('the id carries over to later events, and starts from the one resumed from', () => {
    const { events } = parse(['data: 1\n\n', 'id: b.2\ndata: 2\n\n', 'data: 3\n\n'], 'b.1')
    expect(events.map((event) => event.lastEventId)).toEqual(['b.1', 'b.2', 'b.2'])
  })

  test('retry accepts digits only', () => {
    expect(parse(['retry: 1500\n', 'retry: 15s\n', 'retry: -1\n', 'retry:\n\n']).retries).toEqual([
      1500,
    ])
  })
})
