import { describe, expect, it } from 'vitest'
import type { ProxyContext } from '../context.ts'
import { createEventHub } from '../eventHub.ts'
import type { TokenClaims } from '../token.ts'
import { streamEvents } from './streamEvents.ts'

const claims = (exp = Math.floor(Date.now() / 1000) + 300): TokenClaims => ({
  sub: 'alice',
  jti: 'j',
  iat: exp - 300,
  exp,
  scope: undefined,
})

function setup(heartbeatInterval = 15_000) {
  const hub = createEventHub()
  const context = { eventHub: hub, options: { heartbeatInterval } } as unknown as ProxyContext
  return { hub, context }
}

const decoder = new TextDecoder()

describe('streamEvents', () => {
  it('unsubscribes when the request signal aborts (the client went away)', async () => {
    const { hub, context } = setup()
    const controller = new AbortController()
    const response = streamEvents(
      context,
      new Request('http://h/events', { signal: controller.signal }),
      claims(),
    )
    expect(hub.subscriberCount('alice')).toBe(1)
    controller.abort()
    expect(hub.subscriberCount('alice')).toBe(0)
    const reader = response.body!.getReader()
    expect(decoder.decode((await reader.read()).value)).toBe('retry: 3000\n\n')
    expect((await reader.read()).done).toBe(true)
  })

  it('unsubscribes when the stream is cancelled', async () => {
    const { hub, context } = setup()
    const response = streamEvents(context, new Request('http://h/events'), claims())
    expect(hub.subscriberCount('alice')).toBe(1)
    await response.body!.cancel()
    expect(hub.subscriberCount('alice')).toBe(0)
  })

  it('drops a client that stops reading once its backlog passes 1000 chunks', () => {
    const { hub, context } = setup()
    streamEvents(context, new Request('http://h/events'), claims())
    for (let i = 0; i < 1003; i++) {
      hub.publish('alice', {
        id: `m${i}`,
        status: 'sent',
        provider_message_id: null,
        updated_at: '',
        error: null,
      })
    }
    expect(hub.subscriberCount('alice')).toBe(0)
  })

  it('ends at once for a token that expires now', async () => {
    const { hub, context } = setup()
    const response = streamEvents(
      context,
      new Request('http://h/events'),
      claims(Math.floor(Date.now() / 1000)),
    )
    const text = await new Response(response.body).text()
    expect(text).toBe('retry: 3000\n\nevent: error\ndata: {"code":"token_expired"}\n\n')
    expect(hub.subscriberCount('alice')).toBe(0)
  })
})
