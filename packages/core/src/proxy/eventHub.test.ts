import { describe, expect, it } from 'vitest'
import { createEventHub, type HubEvent, type StatusEventData } from './eventHub.ts'

const data = (id: string, status: StatusEventData['status'] = 'sent'): StatusEventData => ({
  id,
  status,
  provider_message_id: null,
  updated_at: '2026-01-01T00:00:00.000Z',
  error: null,
})

function listener() {
  const events: HubEvent[] = []
  let closed = false
  return {
    events,
    get closed() {
      return closed
    },
    subscriber: { event: (event: HubEvent) => events.push(event), close: () => (closed = true) },
  }
}

describe('createEventHub', () => {
  it('delivers a subject’s events to that subject’s subscribers only', () => {
    const hub = createEventHub()
    const alice = listener()
    const bob = listener()
    hub.subscribe('alice', alice.subscriber)
    hub.subscribe('bob', bob.subscriber)
    hub.publish('alice', data('msg_a'))
    expect(alice.events.map((event) => JSON.parse(event.data).id)).toEqual(['msg_a'])
    expect(bob.events).toEqual([])
  })

  it('gives increasing ids across subjects, even when a channel is dropped and made again', () => {
    const hub = createEventHub()
    const first = listener()
    const subscription = hub.subscribe('s', first.subscriber)
    hub.publish('s', data('m1'))
    subscription.unsubscribe()
    hub.publish('t', data('m2'))
    const again = listener()
    hub.subscribe('s', again.subscriber)
    hub.publish('s', data('m3'))
    const seq = (event: HubEvent) => Number(event.id.split('.')[1])
    expect(seq(again.events[0]!)).toBeGreaterThan(seq(first.events[0]!))
  })

  it('replays the buffer after a known Last-Event-ID, and all of it otherwise', () => {
    const hub = createEventHub()
    for (const id of ['m1', 'm2', 'm3']) hub.publish('s', data(id))
    const all = hub.subscribe('s', listener().subscriber)
    expect(all.replay).toHaveLength(3)
    const after = hub.subscribe('s', listener().subscriber, all.replay[0]!.id)
    expect(after.replay.map((event) => JSON.parse(event.data).id)).toEqual(['m2', 'm3'])
    expect(hub.subscribe('s', listener().subscriber, all.replay[2]!.id).replay).toEqual([])
    expect(hub.subscribe('s', listener().subscriber, 'other.1').replay).toHaveLength(3)
    expect(hub.subscribe('s', listener().subscriber, 'garbage').replay).toHaveLength(3)
  })

  it('keeps at most maxEvents per subject (1000 by default: the 1001st pushes out the first)', () => {
    const hub = createEventHub()
    for (let i = 0; i < 1000; i++) hub.publish('s', data(`m${i}`))
    expect(hub.subscribe('s', listener().subscriber).replay).toHaveLength(1000)
    hub.publish('s', data('m1000'))
    const replay = hub.subscribe('s', listener().subscriber).replay
    expect(replay).toHaveLength(1000)
    expect(JSON.parse(replay[0]!.data).id).toBe('m1')
  })

  it('forgets events older than maxAge', () => {
    let now = 0
    const hub = createEventHub({ maxAge: 1000, now: () => now })
    hub.publish('s', data('old'))
    now = 600
    hub.publish('s', data('new'))
    now = 1000
    expect(
      hub.subscribe('s', listener().subscriber).replay.map((event) => JSON.parse(event.data).id),
    ).toEqual(['new'])
    now = 1601
    expect(hub.subscribe('s', listener().subscriber).replay).toEqual([])
  })

  it('counts subscribers, unsubscribes, and closes every stream on close()', () => {
    const hub = createEventHub()
    const a = listener()
    const b = listener()
    const sa = hub.subscribe('s', a.subscriber)
    hub.subscribe('s', b.subscriber)
    expect(hub.subscriberCount('s')).toBe(2)
    sa.unsubscribe()
    expect(hub.subscriberCount('s')).toBe(1)
    hub.close()
    expect(b.closed).toBe(true)
    expect(a.closed).toBe(false)
    expect(hub.subscriberCount('s')).toBe(0)
  })
})
