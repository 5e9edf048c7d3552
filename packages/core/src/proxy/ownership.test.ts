import { describe, expect, it } from 'vitest'
import type { ProxyContext } from './context.ts'
import { createEventHub, type HubEvent } from './eventHub.ts'
import { advance, recordSend } from './ownership.ts'
import { createMemoryMessageStore, type MessageStore } from './stores.ts'

/** A store that yields before every read, as a networked store would. */
function slowStore(): MessageStore {
  const inner = createMemoryMessageStore()
  const pause = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 5))
  return {
    get: async (id) => {
      await pause()
      return inner.get(id)
    },
    findByProviderId: (wamid) => inner.findByProviderId(wamid),
    put: async (record) => {
      await pause()
      await inner.put(record)
    },
  }
}

function setup() {
  const hub = createEventHub()
  const context = { eventHub: hub, messages: slowStore() } as unknown as ProxyContext
  const seen: string[] = []
  hub.subscribe('alice', {
    event: (event: HubEvent) => seen.push(JSON.parse(event.data).status),
    close: () => {},
  })
  return { context, seen }
}

const message = {
  id: 'msg_01J0000000000000000000000A',
  object: 'message' as const,
  to: '+628111111111',
  type: 'text',
  status: 'pending' as const,
  created_at: '2026-01-01T00:00:00.000Z',
  provider_message_id: 'wamid.1',
}
const change = (status: 'sent' | 'delivered' | 'read' | 'failed') => ({
  status,
  updatedAt: '2026-01-01T00:00:01.000Z',
  error: null,
})

describe('advance', () => {
  it('never publishes backwards, even when updates race', async () => {
    for (let round = 0; round < 20; round++) {
      const { context, seen } = setup()
      await recordSend(context, 'alice', message)
      await Promise.all([
        advance(context, message.id, change('read')),
        advance(context, message.id, change('delivered')),
        advance(context, message.id, change('sent')),
        advance(context, message.id, change('delivered')),
      ])
      const rank = { pending: 0, sent: 1, delivered: 2, read: 3, failed: 3 } as Record<
        string,
        number
      >
      for (let i = 1; i < seen.length; i++)
        expect(rank[seen[i]!]).toBeGreaterThan(rank[seen[i - 1]!]!)
      expect(seen.at(-1)).toBe('read')
      expect((await context.messages.get(message.id))?.status).toBe('read')
    }
  })

  it('ignores unknown messages and keeps a message with its first sender', async () => {
    const { context, seen } = setup()
    await advance(context, 'msg_unknown', change('read'))
    expect(seen).toEqual([])
    await recordSend(context, 'alice', message)
    await recordSend(context, 'mallory', { ...message, status: 'read' })
    expect((await context.messages.get(message.id))?.subject).toBe('alice')
    expect(seen).toEqual(['pending'])
  })
})
