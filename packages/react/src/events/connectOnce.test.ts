import type { EventSourceMessage } from 'eventsource-parser'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { type SseServer, startSseServer } from '../../test/support/sseServer.ts'
import type { ConnectionOptions } from './ConnectionOptions.ts'
import { type Attempt, type ConnectionEnd, connectOnce } from './connectOnce.ts'

let server: SseServer
beforeEach(async () => {
  server = await startSseServer()
})
afterEach(async () => {
  await server.close()
})

const optionsWith = (token: string | undefined): ConnectionOptions => ({
  url: server.url,
  token: async () => token,
  fetch: undefined,
  retryDelay: () => 0,
  heartbeatTimeout: 10_000,
})

const attemptWith = (overrides: Partial<Attempt> = {}): Attempt => ({
  signal: new AbortController().signal,
  rejected: undefined,
  lastEventId: '',
  onOpen: () => {},
  onEvent: () => {},
  onId: () => {},
  onRetry: () => {},
  ...overrides,
})

const refused: ConnectionEnd = { reason: 'refused' }
const dropped: ConnectionEnd = { reason: 'dropped', opened: false }

describe('connectOnce', () => {
  test.each([
    [401, 'token-1', { reason: 'rejected', token: 'token-1', opened: false }],
    [401, undefined, refused],
    [400, 'token-1', refused],
    [403, 'token-1', refused],
    [404, 'token-1', refused],
    [410, 'token-1', refused],
    [408, 'token-1', dropped],
    [429, 'token-1', dropped],
    [500, 'token-1', dropped],
    [503, 'token-1', dropped],
  ] satisfies [number, string | undefined, ConnectionEnd][])(
    'an answer %i (token %s) ends as %o',
    async (status, token, end) => {
      server.answer({ status, body: '{"error":{}}' })
      expect(await connectOnce(optionsWith(token), attemptWith())).toEqual(end)
    },
  )

  test('a 2xx that is not an event stream (an HTML page, a 204) is refused for good', async () => {
    server.answer({ status: 200, body: '<!doctype html>', contentType: 'text/html' })
    expect(await connectOnce(optionsWith('t'), attemptWith())).toEqual(refused)
    server.answer({ status: 204 })
    expect(await connectOnce(optionsWith('t'), attemptWith())).toEqual(refused)
  })

  test('hands the token source the rejected token, and sends the token and Last-Event-ID', async () => {
    const asked: (string | undefined)[] = []
    const options: ConnectionOptions = {
      ...optionsWith(undefined),
      token: async (rejected) => {
        asked.push(rejected)
        return 'token-2'
      },
    }
    const session = new AbortController()
    let onOpen = () => {}
    const opened = new Promise<void>((resolve) => {
      onOpen = resolve
    })
    const ending = connectOnce(
      options,
      attemptWith({ signal: session.signal, rejected: 'token-1', lastEventId: 'a.7', onOpen }),
    )
    const connection = await server.connection(0)
    expect(asked).toEqual(['token-1'])
    expect(connection.headers.authorization).toBe('Bearer token-2')
    expect(connection.headers['last-event-id']).toBe('a.7')
    await opened
    session.abort()
    expect(await ending).toEqual({ reason: 'dropped', opened: true })
  })

  test('an open stream reports its events, ids and retry in order; its end is a drop after opening', async () => {
    const seen: string[] = []
    const ending = connectOnce(
      optionsWith('t'),
      attemptWith({
        onOpen: () => seen.push('open'),
        onEvent: (event: EventSourceMessage) => seen.push(`event ${event.data}`),
        onId: (id) => seen.push(`id ${id}`),
        onRetry: (ms) => seen.push(`retry ${ms}`),
      }),
    )
    const connection = await server.connection(0)
    connection.write('retry: 1234\n\nid: a.1\ndata: one\n\nid: a.2\ndata: two\n\n')
    connection.end()
    expect(await ending).toEqual({ reason: 'dropped', opened: true })
    expect(seen).toEqual(['open', 'retry 1234', 'id a.1', 'event one', 'id a.2', 'event two'])
  })

  test('token_expired on an open stream rejects its token; what came before it was delivered', async () => {
    const events: string[] = []
    const ending = connectOnce(
      optionsWith('token-1'),
      attemptWith({ onEvent: (event) => events.push(event.data) }),
    )
    const connection = await server.connection(0)
    connection.write('data: before\n\nevent: error\ndata: {"code":"token_expired"}\n\n')
    expect(await ending).toEqual({ reason: 'rejected', token: 'token-1', opened: true })
    expect(events).toEqual(['before'])
  })

  test('a token source that fails is a drop, before any request', async () => {
    const options: ConnectionOptions = {
      ...optionsWith(undefined),
      token: async () => {
        throw new Error('token endpoint down')
      },
    }
    expect(await connectOnce(options, attemptWith())).toEqual(dropped)
    expect(server.connections).toHaveLength(0)
  })
})
