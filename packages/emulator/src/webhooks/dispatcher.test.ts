import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { Scheduler } from '../clock/scheduler.ts'
import { createTimeSource } from '../clock/time-source.ts'
import { createMemoryStore } from '../store/memory-store.ts'
import { isRetryable, MAX_ATTEMPTS, RETRY_DELAYS_MS, WebhookDispatcher } from './dispatcher.ts'

const TARGET = { url: 'https://hooks.example/kirim', secret: 'whsec_unit' }

interface Call {
  readonly at: number
  readonly headers: Headers
  readonly body: string
}

function setup(answer: (attempt: number) => number | Error, scale = 1) {
  const time = createTimeSource('manual', 1_700_000_000_000)
  const scheduler = new Scheduler(time, false, (error) => {
    throw error
  })
  const store = createMemoryStore()
  const calls: Call[] = []
  const fetch = (async (_url: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers)
    calls.push({ at: time.now(), headers, body: String(init?.body) })
    const result = answer(calls.length)
    if (result instanceof Error) throw result
    return new Response(null, { status: result })
  }) as typeof globalThis.fetch
  const dispatcher = new WebhookDispatcher(
    { store, scheduler, time, retryScale: scale, fetch },
    TARGET,
  )
  return { time, scheduler, store, calls, dispatcher }
}

describe('isRetryable', () => {
  it.each([
    [408, true],
    [429, true],
    [500, true],
    [503, true],
    [301, true],
    [302, true],
    [400, false],
    [401, false],
    [404, false],
    [410, false],
    [422, false],
  ])('%d → %s', (status, retry) => {
    expect(isRetryable(status)).toBe(retry)
  })
})

describe('WebhookDispatcher', () => {
  it('delivers with the documented headers and a valid signature', async () => {
    const { calls, dispatcher, store, time } = setup(() => 200)
    await dispatcher.emit('org', 'message.status', { hello: 'world' })
    expect(calls).toHaveLength(1)
    const { headers, body } = calls[0]!
    expect(body).toBe('{"hello":"world"}')
    expect(headers.get('content-type')).toBe('application/json')
    expect(headers.get('user-agent')).toBe('Kirim-Webhook/1.0')
    expect(headers.get('x-kirim-event')).toBe('message.status')
    expect(headers.get('x-kirim-event-id')).toMatch(/^evt_[0-9A-HJKMNP-TV-Z]{26}$/)
    expect(headers.get('x-kirim-delivery-id')).toMatch(/^wbd_[0-9A-HJKMNP-TV-Z]{26}$/)
    expect(headers.get('x-kirim-attempt')).toBe('1')
    expect(headers.get('x-kirim-source')).toBe('meta')
    const t = Math.floor(time.now() / 1000)
    const mac = createHmac('sha256', TARGET.secret).update(`${t}.${body}`).digest('hex')
    expect(headers.get('x-kirim-signature')).toBe(`t=${t},v1=${mac}`)
    expect(store.listDeliveries()[0]).toMatchObject({ state: 'delivered', next_attempt_at: null })
  })

  it('retries 8 times on the schedule (±20 %), then gives up', async () => {
    const { calls, dispatcher, store, time, scheduler } = setup(() => 503)
    const start = time.now()
    await dispatcher.emit('org', 'message.status', {})
    await scheduler.advance(2 * 86_400_000)
    expect(calls).toHaveLength(MAX_ATTEMPTS)
    for (let i = 1; i < calls.length; i++) {
      const gap = calls[i]!.at - calls[i - 1]!.at
      const base = RETRY_DELAYS_MS[i - 1]!
      expect(gap).toBeGreaterThanOrEqual(base * 0.8 - 1)
      expect(gap).toBeLessThanOrEqual(base * 1.2 + 1)
      expect(calls[i]!.headers.get('x-kirim-attempt')).toBe(String(i + 1))
      expect(calls[i]!.headers.get('x-kirim-delivery-id')).toBe(
        calls[0]!.headers.get('x-kirim-delivery-id'),
      )
      expect(calls[i]!.body).toBe(calls[0]!.body)
    }
    expect(calls[0]!.at).toBe(start)
    const delivery = store.listDeliveries()[0]!
    expect(delivery.state).toBe('dead')
    expect(delivery.attempts.map((a) => a.status)).toEqual(Array(8).fill(503))
  })

  it('stops at the first 2xx', async () => {
    const { calls, dispatcher, store, scheduler } = setup((n) => (n < 3 ? 500 : 204))
    await dispatcher.emit('org', 'message.status', {})
    await scheduler.advance(86_400_000)
    expect(calls).toHaveLength(3)
    expect(store.listDeliveries()[0]!.state).toBe('delivered')
  })

  it('retries network errors and records them', async () => {
    const { calls, dispatcher, store, scheduler } = setup((n) =>
      n === 1 ? new TypeError('fetch failed') : 200,
    )
    await dispatcher.emit('org', 'message.status', {})
    expect(store.listDeliveries()[0]!.attempts[0]).toMatchObject({
      status: null,
      error: 'fetch failed',
    })
    await scheduler.advance(13_000)
    expect(calls).toHaveLength(2)
    expect(store.listDeliveries()[0]!.state).toBe('delivered')
  })

  it('is dead at once on a 4xx other than 408 and 429', async () => {
    const { calls, dispatcher, store, scheduler } = setup(() => 400)
    await dispatcher.emit('org', 'message.status', {})
    await scheduler.advance(86_400_000 * 3)
    expect(calls).toHaveLength(1)
    expect(store.listDeliveries()[0]!.state).toBe('dead')
  })

  it('compresses the schedule with the retry scale', async () => {
    const { calls, dispatcher, scheduler } = setup(() => 500, 1 / 1000)
    await dispatcher.emit('org', 'message.status', {})
    await scheduler.advance((RETRY_DELAYS_MS.reduce((a, b) => a + b, 0) * 1.2) / 1000 + 10)
    expect(calls).toHaveLength(8)
  })

  it('sends nothing without a target or subscription', async () => {
    const { calls, dispatcher, store } = setup(() => 200)
    dispatcher.target = undefined
    await dispatcher.emit('org', 'message.status', {})
    expect(calls).toHaveLength(0)
    expect(store.listDeliveries()).toHaveLength(0)
  })

  it("also delivers to the organisation's subscriptions to that event, with their secret", async () => {
    const { calls, dispatcher, store } = setup(() => 200)
    const subscription = (
      id: string,
      org: string,
      events: ('message.status' | 'message.received')[],
    ) => ({
      organizationId: org,
      secret: `whsec_${id}`,
      subscription: {
        id,
        object: 'webhook_subscription' as const,
        url: `https://${id}.example/`,
        events,
        description: null,
        created_at: '',
      },
    })
    store.saveSubscription(subscription('a', 'org', ['message.status']))
    store.saveSubscription(subscription('b', 'org', ['message.received']))
    store.saveSubscription(subscription('c', 'other', ['message.status']))
    await dispatcher.emit('org', 'message.status', {})
    expect(calls).toHaveLength(2)
    expect(new Set(calls.map((c) => c.headers.get('x-kirim-event-id'))).size).toBe(1)
    expect(store.listDeliveries().map((d) => d.url)).toEqual([TARGET.url, 'https://a.example/'])
  })
})
