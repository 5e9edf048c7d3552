import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Kirim } from '../../src/index.ts'
import {
  browserFetch,
  expectNoKeyLeak,
  mint,
  NOT_ON_WHATSAPP,
  OPEN_WINDOW,
  readEvents,
  type Stack,
  send,
  startStack,
  statusEvents,
  text,
} from './fixtures.ts'

let stack: Stack
beforeAll(async () => {
  stack = await startStack()
})
afterAll(async () => {
  await stack.close()
  expectNoKeyLeak()
})

describe('the browser flow through the proxy', () => {
  it('mints a token, sends, and streams pending → sent → delivered → read', async () => {
    const token = await mint(stack)
    const events = await browserFetch(`${stack.base}/events`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(events.status).toBe(200)
    expect(events.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')

    const sent = await send(stack, token, text())
    expect(sent.status).toBe(202)
    const { data: message } = (await sent.json()) as { data: { id: string; status: string } }
    expect(message.status).toBe('pending')

    const frames = await readEvents(events, (frames) =>
      statusEvents(frames).some((event) => event.id === message.id && event.status === 'read'),
    )
    expect(frames[0]).toEqual({ retry: '3000' })
    const statuses = statusEvents(frames).filter((event) => event.id === message.id)
    expect(statuses.map((event) => event.status)).toEqual(['pending', 'sent', 'delivered', 'read'])
  })
})
