import { Kirim, type Message, type MessageStatus } from '@kirim/core'
import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { type SseServer, startSseServer } from '../../test/support/sseServer.ts'
import { kirimKeys } from '../keys/kirimKeys.ts'
import { messageQueryOptions } from '../messages/messageQueryOptions.ts'
import type { ConnectionOptions, TokenSource } from './ConnectionOptions.ts'
import { resolveEventsOptions } from './resolveEventsOptions.ts'
import { StatusStream } from './StatusStream.ts'

const ID = 'msg_01J8ZZZZZZZZZZZZZZZZZZZZZA'
const message = (status: MessageStatus = 'pending', id = ID): Message => ({
  id,
  object: 'message',
  to: '+628111111111',
  type: 'text',
  status,
  created_at: '2026-05-24T08:00:00.000Z',
  updated_at: '2026-05-24T08:00:00.000Z',
  provider_message_id: 'wamid.TEST',
  error: null,
})
const event = (status: MessageStatus, extra: Record<string, unknown> = {}) => ({
  id: ID,
  status,
  provider_message_id: 'wamid.TEST',
  updated_at: '2026-05-24T08:00:05.000Z',
  error: null,
  ...extra,
})
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

let server: SseServer
let queryClient: QueryClient
// Every hold a test takes, released after it: a stream only closes when its last holder leaves.
const holds: (() => void)[] = []
const held = (release: () => void): (() => void) => {
  holds.push(release)
  return release
}

const open = (overrides: Partial<ConnectionOptions> = {}): StatusStream => {
  const stream = new StatusStream(queryClient, {
    url: server.url,
    token: async () => 'token-1',
    fetch: undefined,
    retryDelay: () => 10,
    heartbeatTimeout: 10_000,
    ...overrides,
  })
  const { retain, watch } = stream
  stream.retain = () => held(retain.call(stream))
  stream.watch = (id) => held(watch.call(stream, id))
  return stream
}

const statusOf = (id = ID) => queryClient.getQueryData<Message>(kirimKeys.message(id))?.status

beforeEach(async () => {
  server = await startSseServer()
  queryClient = new QueryClient()
})

afterEach(async () => {
  for (const release of holds.splice(0)) release()
  await sleep(0)
  queryClient.clear()
  await server.close()
})

describe('StatusStream', () => {
  test('one connection however many subscribers; it closes when the last one leaves', async () => {
    const shared = open()
    expect(shared.getState()).toBe('idle')
    const releases = [shared.watch(ID), shared.watch('msg_other'), shared.retain()]
    await vi.waitFor(() => expect(shared.getState()).toBe('open'))
    expect(server.connections).toHaveLength(1)

    releases[0]!()
    releases[1]!()
    await sleep(20)
    expect(server.openConnections()).toBe(1)

    releases[2]!()
    await vi.waitFor(() => expect(server.openConnections()).toBe(0))
    expect(shared.getState()).toBe('idle')
    expect(server.connections).toHaveLength(1)
  })

  test('a subscriber that leaves and comes back in the same tick (StrictMode) keeps the connection', async () => {
    const shared = open()
    shared.watch(ID)()
    const release = shared.watch(ID)
    await vi.waitFor(() => expect(shared.getState()).toBe('open'))
    await sleep(20)
    expect(server.connections).toHaveLength(1)
    expect(server.openConnections()).toBe(1)
    release()
  })

  test('sends the token in Authorization, never in the URL, and asks for an event stream', async () => {
    open().retain()
    const connection = await server.connection(0)
    expect(connection.headers.authorization).toBe('Bearer token-1')
    expect(connection.headers.accept).toBe('text/event-stream')
    expect(connection.url).toBe('/events')
    expect(connection.headers['last-event-id']).toBeUndefined()
  })

  test('keeps the later status whatever order events arrive in; stale and repeated events change nothing', async () => {
    queryClient.setQueryData(kirimKeys.message(ID), message('pending'))
    const seen: string[] = []
    const unsubscribe = queryClient.getQueryCache().subscribe((change) => {
      if (change.type === 'updated' && change.action.type === 'success') {
        seen.push((change.query.state.data as Message).status)
      }
    })
    open().watch(ID)
    const connection = await server.connection(0)

    connection.status('a.1', event('delivered'))
    connection.status('a.2', event('sent'))
    connection.status('a.3', event('pending'))
    connection.status('a.4', event('delivered'))
    connection.status('a.5', event('read'))
    connection.status(
      'a.6',
      event('failed', { error: { code: 'x', message: 'x', provider_code: 1 } }),
    )
    connection.status('a.7', event('sent'))
    await vi.waitFor(() => expect(statusOf()).toBe('read'))
    await sleep(30)

    expect(seen).toEqual(['delivered', 'read'])
    expect(statusOf()).toBe('read')
    const cached = queryClient.getQueryData<Message>(kirimKeys.message(ID))!
    expect(cached.updated_at).toBe('2026-05-24T08:00:05.000Z')
    expect(cached.error).toBeNull()
    unsubscribe()
  })

  test('failed carries its error into the cached message', async () => {
    queryClient.setQueryData(kirimKeys.message(ID), message('sent'))
    open().watch(ID)
    const connection = await server.connection(0)
    const error = {
      code: 'recipient_not_on_whatsapp',
      message: 'Undeliverable',
      provider_code: '131026',
    }
    connection.status('a.1', event('failed', { error }))
    await vi.waitFor(() => expect(statusOf()).toBe('failed'))
    expect(queryClient.getQueryData<Message>(kirimKeys.message(ID))?.error).toEqual({
      code: 'recipient_not_on_whatsapp',
      message: 'Undeliverable',
      provider_code: 131026,
    })
  })

  test('an event that overtakes its message is applied once the message lands in the cache', async () => {
    const shared = open()
    const release = shared.retain()
    const connection = await server.connection(0)
    connection.status('a.1', event('sent'))
    await sleep(30)
    expect(statusOf()).toBeUndefined()

    // The send's own response arrives late, still saying pending.
    queryClient.setQueryData(kirimKeys.message(ID), message('pending'))
    expect(statusOf()).toBe('sent')
    release()
  })

  test('skips malformed events and other event types', async () => {
    queryClient.setQueryData(kirimKeys.message(ID), message('pending'))
    open().watch(ID)
    const connection = await server.connection(0)
    connection.write('event: message.status\ndata: {not json\n\n')
    connection.write(
      `event: message.status\ndata: ${JSON.stringify(event('bounced' as MessageStatus))}\n\n`,
    )
    connection.write(`event: something.else\ndata: ${JSON.stringify(event('read'))}\n\n`)
    connection.write(`data: ${JSON.stringify(event('read'))}\n\n`)
    connection.status('a.9', event('sent'))
    await vi.waitFor(() => expect(statusOf()).toBe('sent'))
  })

  test('frames as any server may write them reach the cache: CRLF or CR line ends, multi-line data, comments, writes split anywhere', async () => {
    queryClient.setQueryData(kirimKeys.message(ID), message('pending'))
    open().watch(ID)
    const connection = await server.connection(0)
    const data = JSON.stringify(event('sent'), null, 1)
      .split('\n')
      .map((line) => `data: ${line}`)
      .join('\r\n')
    const frame = `: ping\r\nid: c.1\r\nevent: message.status\r\n${data}\r\n\r\n`
    for (const cut of [[0, 7], [7, 31], [31, 32], [32]] as const)
      connection.write(frame.slice(...cut))
    await vi.waitFor(() => expect(statusOf()).toBe('sent'))
    connection.write(`id: c.2\revent: message.status\rdata: ${JSON.stringify(event('read'))}\r\r`)
    await vi.waitFor(() => expect(statusOf()).toBe('read'))
    connection.destroy()
    expect((await server.connection(1)).headers['last-event-id']).toBe('c.2')
  })

  test('reconnects after a drop, with backoff and Last-Event-ID, and resumes', async () => {
    const delays: [number, number][] = []
    queryClient.setQueryData(kirimKeys.message(ID), message('pending'))
    const shared = open({
      retryDelay: (attempt, serverRetry) => {
        delays.push([attempt, serverRetry])
        return 10
      },
    })
    shared.watch(ID)
    const first = await server.connection(0)
    first.write('retry: 1234\n\n')
    first.status('inst.7', event('sent'))
    await vi.waitFor(() => expect(statusOf()).toBe('sent'))
    first.destroy()

    const second = await server.connection(1)
    expect(second.headers['last-event-id']).toBe('inst.7')
    await vi.waitFor(() => expect(shared.getState()).toBe('open'))
    second.status('inst.8', event('delivered'))
    await vi.waitFor(() => expect(statusOf()).toBe('delivered'))
    expect(delays).toEqual([[0, 1234]])
  })

  test('a cut in the middle of an event resumes before that event', async () => {
    open().retain()
    const first = await server.connection(0)
    first.status('inst.1', event('sent'))
    first.write('id: inst.2\nevent: message.status\n')
    await sleep(30)
    first.destroy()
    const second = await server.connection(1)
    expect(second.headers['last-event-id']).toBe('inst.1')
  })

  test('backs off while the proxy keeps failing, and resets after a connection opens', async () => {
    const attempts: number[] = []
    server.answer((index) => (index < 3 ? { status: 503 } : 'stream'))
    const shared = open({
      retryDelay: (attempt) => {
        attempts.push(attempt)
        return 5
      },
    })
    shared.retain()
    await vi.waitFor(() => expect(shared.getState()).toBe('open'))
    expect(attempts).toEqual([0, 1, 2])
    ;(await server.connection(3)).destroy()
    await server.connection(4)
    expect(attempts).toEqual([0, 1, 2, 0])
  })

  test('token_expired: reconnects at once with a fresh token', async () => {
    const calls: (string | undefined)[] = []
    let issued = 0
    const token: TokenSource = async (rejected) => {
      calls.push(rejected)
      issued++
      return `token-${issued}`
    }
    const shared = open({ token, retryDelay: () => 60_000 })
    shared.retain()
    const first = await server.connection(0)
    first.write('event: error\ndata: {"code":"token_expired"}\n\n')
    first.end()
    const second = await server.connection(1)
    expect(second.headers.authorization).toBe('Bearer token-2')
    expect(calls).toEqual([undefined, 'token-1'])
  })

  test("default token: the client's, refreshed through rejected on token_expired, with the attempt's signal", async () => {
    let issued = 0
    const kirim = new Kirim({
      token: async () => ({ token: `client-${++issued}`, expiresIn: 300 }),
      baseUrl: 'http://127.0.0.1:9/api/kirim',
    })
    const calls: { rejected: string | undefined; signal: AbortSignal | undefined }[] = []
    const client = {
      token: (options: { signal?: AbortSignal; rejected?: string } = {}) => {
        calls.push({ rejected: options.rejected, signal: options.signal })
        return kirim.token(options)
      },
    }
    const events = { url: server.url, retryDelay: () => 60_000, heartbeatTimeout: 10_000 }
    open(resolveEventsOptions(events, client)).retain()
    const first = await server.connection(0)
    expect(first.headers.authorization).toBe('Bearer client-1')
    first.write('event: error\ndata: {"code":"token_expired"}\n\n')
    first.end()
    const second = await server.connection(1)
    expect(second.headers.authorization).toBe('Bearer client-2')
    expect(calls.map((call) => call.rejected)).toEqual([undefined, 'client-1'])
    expect(calls.every((call) => call.signal instanceof AbortSignal)).toBe(true)
    // The first attempt is over: its signal fired, so a token fetch it left behind stops.
    expect(calls[0]!.signal!.aborted).toBe(true)
    // One refresh, shared: the client's own calls now use the stream's new token.
    expect(await kirim.token()).toBe('client-2')
    expect(issued).toBe(2)
  })

  test('an explicit token wins over the client', async () => {
    let asked = 0
    const client = {
      token: async () => {
        asked++
        return 'client-token'
      },
    }
    open(resolveEventsOptions({ url: server.url, token: () => 'override' }, client)).retain()
    expect((await server.connection(0)).headers.authorization).toBe('Bearer override')
    expect(asked).toBe(0)
  })

  test('a client with no token to share (an API key): no Authorization; refused with 401, it stops for good', async () => {
    const kirim = new Kirim({
      apiKey: 'kdv_live_streamstreamstreamstream',
      baseUrl: 'http://127.0.0.1:9',
      dangerouslyAllowBrowser: true,
    })
    server.answer({ status: 401, body: '{"error":{"code":"missing_token"}}' })
    const shared = open(resolveEventsOptions({ url: server.url, retryDelay: () => 5 }, kirim))
    shared.retain()
    await vi.waitFor(() => expect(shared.getState()).toBe('failed'))
    const [connection] = server.connections
    expect(connection!.headers.authorization).toBeUndefined()
    await sleep(50)
    expect(server.connections).toHaveLength(1)
  })

  test('401: tries again with a fresh token', async () => {
    let issued = 0
    server.answer((index) => (index === 0 ? { status: 401 } : 'stream'))
    const shared = open({ token: async () => `token-${++issued}` })
    shared.retain()
    await vi.waitFor(() => expect(shared.getState()).toBe('open'))
    expect(server.connections.map((connection) => connection.headers.authorization)).toEqual([
      'Bearer token-1',
      'Bearer token-2',
    ])
  })

  test('a refusal that cannot change (404, not an event stream) stops for good: hooks poll instead', async () => {
    server.answer({ status: 404, body: '{"error":{}}' })
    const shared = open()
    shared.retain()
    await vi.waitFor(() => expect(shared.getState()).toBe('failed'))
    await sleep(50)
    expect(server.connections).toHaveLength(1)

    const other = await startSseServer()
    other.answer({ status: 200, body: '<!doctype html>', contentType: 'text/html' })
    const html = new StatusStream(queryClient, {
      url: other.url,
      token: async () => 't',
      fetch: undefined,
      retryDelay: () => 10,
      heartbeatTimeout: 10_000,
    })
    const release = html.retain()
    await vi.waitFor(() => expect(html.getState()).toBe('failed'))
    release()
    await other.close()
  })

  test('a silent connection (no ping within heartbeatTimeout) is replaced', async () => {
    const shared = open({ heartbeatTimeout: 60 })
    shared.retain()
    const first = await server.connection(0)
    const second = await server.connection(1)
    expect(first.open).toBe(false)
    second.write(': ping\n\n')
    expect(server.connections.length).toBeGreaterThanOrEqual(2)
  })

  test('on a fresh connection, a watched message cached before it opened is refetched once; a fresh one is not', async () => {
    const fetched: string[] = []
    const client = {
      messages: {
        get: async (id: string) => {
          fetched.push(id)
          return message('delivered', id)
        },
      },
    } as unknown as Parameters<typeof messageQueryOptions>[0]
    const OLD = 'msg_01J8ZZZZZZZZZZZZZZZZZZZZZB'
    queryClient.setQueryData(kirimKeys.message(OLD), message('pending', OLD))
    const observer = new QueryObserver(queryClient, {
      ...messageQueryOptions(client, OLD),
      staleTime: Number.POSITIVE_INFINITY,
    })
    const unsubscribe = observer.subscribe(() => {})
    await sleep(5)

    const shared = open()
    shared.watch(OLD)
    await vi.waitFor(() => expect(statusOf(OLD)).toBe('delivered'))
    expect(fetched).toEqual([OLD])

    // Written while the stream is open: covered, nothing to refetch.
    const NEW = 'msg_01J8ZZZZZZZZZZZZZZZZZZZZZC'
    queryClient.setQueryData(kirimKeys.message(NEW), message('pending', NEW))
    expect(shared.isCovered(queryClient.getQueryState(kirimKeys.message(NEW))!.dataUpdatedAt)).toBe(
      true,
    )
    expect(shared.isCovered(0)).toBe(false)
    unsubscribe()
  })
})
