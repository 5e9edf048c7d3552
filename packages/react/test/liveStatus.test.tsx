import { Kirim, type Message, type SendMessageBody } from '@kirim/core'
import type { QueryClient } from '@tanstack/react-query'
import { act, cleanup, render, renderHook, waitFor } from '@testing-library/react'
import { StrictMode } from 'react'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { useMessageStatus } from '../src/messages/useMessageStatus.ts'
import { useSendMessage } from '../src/messages/useSendMessage.ts'
import { type BrowserFetch, createBrowserFetch } from './support/browserFetch.ts'
import {
  directClient,
  kirimWrapper,
  newQueryClient,
  proxyClient,
  proxyEvents,
} from './support/render.tsx'
import {
  API_KEY,
  startEmulator,
  startProxy,
  type TestEmulator,
  type TestProxy,
} from './support/servers.ts'

// Reads through the proxy: `GET /api/kirim/v1/messages/msg_…`.
const MESSAGE_READS = /^\/api\/kirim\/v1\/messages\/msg_/
// Reads of an apiKey client, straight at the emulator: `GET /v1/messages/msg_…`.
const DIRECT_MESSAGE_READS = /^\/v1\/messages\/msg_/
const template = (to: string): SendMessageBody => ({
  to,
  type: 'template',
  template: { name: 'reengagement', language: 'id_ID' },
})
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

let emulator: TestEmulator
let proxy: TestProxy
let page: BrowserFetch
let queryClient: QueryClient

beforeEach(async () => {
  emulator = await startEmulator({ timing: 'manual' })
  proxy = await startProxy(emulator)
  page = createBrowserFetch()
  queryClient = newQueryClient()
})

afterEach(async () => {
  cleanup()
  queryClient.clear()
  await proxy.close()
  await emulator.close()
})

/** Reads one message's status; `onRender` counts its renders. */
function StatusOf({ id, name, onRender }: { id: string; name: string; onRender: () => void }) {
  onRender()
  return <p data-testid={name}>{useMessageStatus(id).data?.status}</p>
}

/** Reads only the recipient of a message, through `select`. */
function RecipientOf({ id, onRender }: { id: string; onRender: () => void }) {
  onRender()
  return <p>{useMessageStatus(id, { select: (message) => message.to }).data}</p>
}

const live = () => kirimWrapper(queryClient, proxyClient(proxy, page), proxyEvents(proxy, page))

/** Sends through the proxy outside React, so a test can watch a message it did not send itself. */
async function sendThroughProxy(body: SendMessageBody): Promise<Message> {
  const { result, unmount } = renderHook(() => useSendMessage(), { wrapper: live() })
  let message: Message | undefined
  await act(async () => {
    message = await result.current.mutateAsync(body)
  })
  unmount()
  await waitFor(() => expect(proxy.openStreams()).toBe(0))
  return message!
}

describe('useMessageStatus, live through the proxy', () => {
  test('sending seeds pending, then sent → delivered → read arrive live, in order, without a single GET', async () => {
    // The send is slower than opening the stream, as it is in production (one upstream hop more).
    await fetch(`${emulator.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'latency',
        latencyMs: 150,
        method: 'POST',
        path: '/v1/messages',
      }),
    })
    const rendered: string[] = []
    const { result } = renderHook(
      () => {
        const send = useSendMessage()
        const status = useMessageStatus(send.data?.id)
        const current = status.data?.status
        if (current !== undefined && rendered.at(-1) !== current) rendered.push(current)
        return { send, status }
      },
      { wrapper: live() },
    )

    act(() => result.current.send.mutate(template('+628111111111')))
    await waitFor(() => expect(result.current.send.isSuccess).toBe(true))
    expect(result.current.status.data?.status).toBe('pending')
    expect(proxy.openStreams()).toBe(1)

    for (const [advance, status] of [
      ['1s', 'sent'],
      ['1s', 'delivered'],
      ['2s', 'read'],
    ] as const) {
      await emulator.emulator.clock.advance(advance)
      await waitFor(() => expect(result.current.status.data?.status).toBe(status))
    }

    expect(rendered).toEqual(['pending', 'sent', 'delivered', 'read'])
    expect(page.count('GET', MESSAGE_READS)).toBe(0)
    expect(proxy.streamRequests).toHaveLength(1)
    expect(proxy.streamRequests[0]!.authorization).toMatch(/^Bearer ey/)
    expect(proxy.streamRequests[0]!.url).not.toContain('token=')
  })

  test('out-of-order events (the proxy replaying older statuses on a new connection) never move a status back', async () => {
    const message = await sendThroughProxy(template('+628111111111'))
    const watcher = renderHook(() => useMessageStatus(message.id), { wrapper: live() })
    await emulator.emulator.clock.advance('4s')
    await waitFor(() => expect(watcher.result.current.data?.status).toBe('read'))
    watcher.unmount()
    await waitFor(() => expect(proxy.openStreams()).toBe(0))

    // A fresh connection: the proxy replays the subject's buffer, pending first.
    const streamedBefore = page.streamed().length
    const rendered: string[] = []
    const again = renderHook(
      () => {
        const status = useMessageStatus(message.id)
        rendered.push(status.data?.status ?? 'none')
        return status
      },
      { wrapper: live() },
    )
    await waitFor(() => expect(proxy.streamRequests.length).toBeGreaterThanOrEqual(3))
    await waitFor(() => expect(proxy.openStreams()).toBe(1))
    await waitFor(() => expect(page.streamed().slice(streamedBefore)).toContain('"status":"read"'))
    const replayed = page.streamed().slice(streamedBefore)
    expect(replayed.indexOf('"status":"pending"')).toBeGreaterThan(-1)
    expect(replayed.indexOf('"status":"pending"')).toBeLessThan(replayed.indexOf('"status":"read"'))
    await sleep(50)
    expect(new Set(rendered)).toEqual(new Set(['read']))
    expect(again.result.current.data?.status).toBe('read')
  })

  test('a send refused at once (window closed) shows its error code; a later failure arrives live with its code', async () => {
    const { result } = renderHook(
      () => {
        const closed = useSendMessage()
        const later = useSendMessage()
        return {
          closed,
          later,
          closedStatus: useMessageStatus(closed.data?.id),
          laterStatus: useMessageStatus(later.data?.id),
        }
      },
      { wrapper: live() },
    )

    act(() =>
      result.current.closed.mutate({ to: '+628122222222', type: 'text', text: { body: 'Halo' } }),
    )
    act(() => result.current.later.mutate(template('+628133333333')))
    await waitFor(() =>
      expect(result.current.closed.isSuccess && result.current.later.isSuccess).toBe(true),
    )
    expect(result.current.closedStatus.data?.status).toBe('failed')
    expect(result.current.closedStatus.data?.error?.code).toBe('outside_24h_window')

    await emulator.emulator.clock.advance('10s')
    await waitFor(() => expect(result.current.laterStatus.data?.status).toBe('failed'))
    expect(result.current.laterStatus.data?.error?.code).toBe('recipient_not_on_whatsapp')
    expect(page.count('GET', MESSAGE_READS)).toBe(0)
  })

  test('one connection for every hook; it closes (on the server) when the last subscriber unmounts', async () => {
    const first = await sendThroughProxy(template('+628111111111'))
    const second = await sendThroughProxy(template('+628155555555'))
    await waitFor(() => expect(proxy.openStreams()).toBe(0))
    const streamsBefore = proxy.streamRequests.length

    const a = renderHook(() => useMessageStatus(first.id), { wrapper: live() })
    const wrapper = kirimWrapper(queryClient, proxyClient(proxy, page), proxyEvents(proxy, page))
    const b = renderHook(() => [useMessageStatus(first.id), useMessageStatus(second.id)], {
      wrapper,
    })
    await waitFor(() => expect(proxy.openStreams()).toBe(2))
    // Two providers, two connections; within one provider, three hooks and one connection.
    expect(proxy.streamRequests.length - streamsBefore).toBe(2)

    b.unmount()
    await waitFor(() => expect(proxy.openStreams()).toBe(1))
    await emulator.emulator.clock.advance('1s')
    await waitFor(() => expect(a.result.current.data?.status).toBe('sent'))

    a.unmount()
    await waitFor(() => expect(proxy.openStreams()).toBe(0))
  })

  test('StrictMode mounts twice and still opens a single connection', async () => {
    const message = await sendThroughProxy(template('+628111111111'))
    await waitFor(() => expect(proxy.openStreams()).toBe(0))
    const before = proxy.streamRequests.length
    const wrapper = live()
    renderHook(() => useMessageStatus(message.id), {
      wrapper: ({ children }) => <StrictMode>{wrapper({ children })}</StrictMode>,
    })
    await waitFor(() => expect(proxy.openStreams()).toBe(1))
    await sleep(50)
    expect(proxy.streamRequests.length - before).toBe(1)
  })

  test('after a drop it reconnects with Last-Event-ID and misses nothing', async () => {
    const message = await sendThroughProxy(template('+628111111111'))
    // While the stream reconnects the hook polls; on a loaded machine the reconnect can outlast
    // a 1 s poll. A long interval keeps polling out of this test: it pins the resume itself.
    const { result } = renderHook(() => useMessageStatus(message.id, { pollInterval: 60_000 }), {
      wrapper: live(),
    })
    await emulator.emulator.clock.advance('1s')
    await waitFor(() => expect(result.current.data?.status).toBe('sent'))
    const before = proxy.streamRequests.length
    const reads = page.count('GET', MESSAGE_READS)

    proxy.dropStreams()
    await emulator.emulator.clock.advance('1s') // delivered, published while the page is away
    await waitFor(() => expect(result.current.data?.status).toBe('delivered'))

    const resumed = proxy.streamRequests.slice(before)
    expect(resumed.length).toBeGreaterThanOrEqual(1)
    expect(resumed[0]!.lastEventId).toMatch(/^[0-9a-z]+\.\d+$/)
    // Resumed, not restarted: the replay covers the gap, nothing is refetched.
    expect(page.count('GET', MESSAGE_READS)).toBe(reads)
  })

  test("events as the URL alone: the stream uses the client's token, with no token request of its own, across reconnects", async () => {
    const message = await sendThroughProxy(template('+628111111111'))
    const kirim = proxyClient(proxy, page)
    const token = await kirim.token()
    const minted = page.count('POST', '/api/kirim/token')
    const { result } = renderHook(() => useMessageStatus(message.id), {
      wrapper: kirimWrapper(queryClient, kirim, {
        url: `${proxy.baseUrl}/events`,
        fetch: page.streamFetch,
        retryDelay: () => 20,
      }),
    })
    await waitFor(() => expect(proxy.openStreams()).toBe(1))
    await emulator.emulator.clock.advance('1s')
    await waitFor(() => expect(result.current.data?.status).toBe('sent'))
    const opened = proxy.streamRequests.at(-1)!
    expect(token).toMatch(/^ey/)
    expect(opened.authorization).toBe(`Bearer ${token}`)

    proxy.dropStreams()
    await waitFor(() => expect(proxy.streamRequests.at(-1)).not.toBe(opened))
    await waitFor(() => expect(proxy.openStreams()).toBe(1))
    expect(proxy.streamRequests.at(-1)!.authorization).toBe(`Bearer ${token}`)
    expect(page.count('POST', '/api/kirim/token')).toBe(minted)
  })

  test('a token the stream refuses (401) is refreshed once, for the client too, and the stream reconnects with it', async () => {
    const message = await sendThroughProxy(template('+628111111111'))
    // The client's first token has the right form but a wrong signature: the proxy refuses it.
    let tampered = false
    const kirim = new Kirim({
      tokenUrl: `${proxy.baseUrl}/token`,
      baseUrl: proxy.baseUrl,
      maxRetries: 0,
      fetch: async (input, init) => {
        const response = await page.fetch(input, init)
        const url = input instanceof Request ? input.url : String(input)
        if (tampered || !url.endsWith('/token')) return response
        tampered = true
        const { token, expiresIn } = (await response.json()) as { token: string; expiresIn: number }
        const forged = `${token.slice(0, -6)}${token.endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA'}`
        return new Response(JSON.stringify({ token: forged, expiresIn }), {
          headers: { 'content-type': 'application/json' },
        })
      },
    })
    const refused = (await kirim.token())!
    const minted = page.count('POST', '/api/kirim/token')
    const streamsBefore = proxy.streamRequests.length
    const { result } = renderHook(() => useMessageStatus(message.id, { pollInterval: 60_000 }), {
      wrapper: kirimWrapper(queryClient, kirim, {
        url: `${proxy.baseUrl}/events`,
        fetch: page.streamFetch,
        retryDelay: () => 20,
      }),
    })
    await waitFor(() => expect(proxy.openStreams()).toBe(1))
    const fresh = await kirim.token()
    expect(fresh).toMatch(/^ey/)
    expect(fresh).not.toBe(refused)
    expect(proxy.streamRequests.slice(streamsBefore).map((r) => r.authorization)).toEqual([
      `Bearer ${refused}`,
      `Bearer ${fresh}`,
    ])
    // Exactly one refresh, shared by the client and the stream.
    expect(page.count('POST', '/api/kirim/token')).toBe(minted + 1)

    await emulator.emulator.clock.advance('1s')
    await waitFor(() => expect(result.current.data?.status).toBe('sent'))
    expect(page.count('POST', '/api/kirim/token')).toBe(minted + 1)
  })

  test('with an apiKey client (no token to share), the stream sends no Authorization: the proxy refuses it once, and the hook polls instead', async () => {
    const message = await sendThroughProxy(template('+628111111111'))
    const kirim = directClient(emulator, page)
    expect(await kirim.token()).toBeUndefined()
    const minted = page.count('POST', '/api/kirim/token')
    const streamsBefore = proxy.streamRequests.length
    const { result } = renderHook(
      () => useMessageStatus(message.id, { pollInterval: 10, maxPollInterval: 20 }),
      {
        wrapper: kirimWrapper(queryClient, kirim, {
          url: `${proxy.baseUrl}/events`,
          fetch: page.streamFetch,
          retryDelay: () => 5,
        }),
      },
    )
    await waitFor(() => expect(proxy.streamRequests).toHaveLength(streamsBefore + 1))
    const refused = proxy.streamRequests.at(-1)!
    expect(refused.authorization).toBeNull()
    expect(refused.url).not.toContain(API_KEY)

    await emulator.emulator.clock.advance('1s')
    await waitFor(() => expect(result.current.data?.status).toBe('sent'))
    await emulator.emulator.clock.advance('1s')
    await waitFor(() => expect(result.current.data?.status).toBe('delivered'))
    // Polled straight at the emulator, as the client talks to it; the stream was not retried.
    expect(page.count('GET', DIRECT_MESSAGE_READS)).toBeGreaterThan(1)
    expect(proxy.streamRequests).toHaveLength(streamsBefore + 1)
    expect(proxy.openStreams()).toBe(0)
    expect(page.count('POST', '/api/kirim/token')).toBe(minted)
  })

  test('with an apiKey client and an explicit events.token, the stream is live', async () => {
    const message = await sendThroughProxy(template('+628111111111'))
    const kirim = directClient(emulator, page)
    const { result } = renderHook(() => useMessageStatus(message.id, { pollInterval: 60_000 }), {
      wrapper: kirimWrapper(queryClient, kirim, proxyEvents(proxy, page)),
    })
    await waitFor(() => expect(proxy.openStreams()).toBe(1))
    expect(proxy.streamRequests.at(-1)!.authorization).toMatch(/^Bearer ey/)
    await emulator.emulator.clock.advance('1s')
    await waitFor(() => expect(result.current.data?.status).toBe('sent'))
    expect(page.count('GET', DIRECT_MESSAGE_READS)).toBe(1)
  })

  test('when the stream is refused for good, it polls instead', async () => {
    const message = await sendThroughProxy(template('+628111111111'))
    const events = proxyEvents(proxy, page, { url: `${proxy.baseUrl}/no-such-route` })
    const { result } = renderHook(
      () => useMessageStatus(message.id, { pollInterval: 10, maxPollInterval: 20 }),
      {
        wrapper: kirimWrapper(queryClient, proxyClient(proxy, page), events),
      },
    )
    await emulator.emulator.clock.advance('1s')
    await waitFor(() => expect(result.current.data?.status).toBe('sent'))
    expect(page.count('GET', MESSAGE_READS)).toBeGreaterThan(0)
  })

  test('a status change re-renders only the components that read that message', async () => {
    const a = await sendThroughProxy(template('+628111111111'))
    await emulator.emulator.clock.advance('3500ms') // a: delivered
    const b = await sendThroughProxy(template('+628111111111')) // b: pending, sent at +1 s

    const renders = { a: 0, b: 0, aRecipient: 0 }
    const counted = (name: keyof typeof renders) => () => {
      renders[name]++
    }
    const Wrapper = live()
    const view = render(
      <Wrapper>
        <StatusOf id={a.id} name="a" onRender={counted('a')} />
        <StatusOf id={b.id} name="b" onRender={counted('b')} />
        <RecipientOf id={a.id} onRender={counted('aRecipient')} />
      </Wrapper>,
    )
    await waitFor(() => expect(view.getByTestId('a').textContent).toBe('delivered'))
    await waitFor(() => expect(proxy.openStreams()).toBe(1))
    await sleep(50)
    const settled = { ...renders }

    await emulator.emulator.clock.advance('500ms') // a: read; b unchanged
    await waitFor(() => expect(view.getByTestId('a').textContent).toBe('read'))
    await sleep(50)
    expect(renders.a).toBe(settled.a + 1)
    expect(renders.b).toBe(settled.b)
    expect(renders.aRecipient).toBe(settled.aRecipient)

    await emulator.emulator.clock.advance('500ms') // b: sent; a unchanged (read is final)
    await waitFor(() => expect(view.getByTestId('b').textContent).toBe('sent'))
    await sleep(50)
    expect(renders.a).toBe(settled.a + 1)
    expect(renders.b).toBe(settled.b + 1)
    expect(renders.aRecipient).toBe(settled.aRecipient)
  })
})
