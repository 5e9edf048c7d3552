import { afterEach, describe, expect, it } from 'vitest'
import {
  ANY_ID,
  advanceUntil,
  digits,
  type EmulatorOptions,
  EVT_ID,
  expectAccepted,
  expectApiError,
  type Harness,
  HOUR,
  header,
  type MetaWebhook,
  MINUTE,
  NEVER_READ,
  NOT_ON_WHATSAPP,
  NUMBER,
  OPEN,
  type ReceivedWebhook,
  type Receiver,
  SECOND,
  STRANGER,
  sleep,
  startEmulator,
  startReceiver,
  templateTo,
  textTo,
  verifySignature,
} from './helpers.ts'

const SECRET = 'whsec_contractsuitecontractsuite'

interface Delivery {
  state: string
  attempts: unknown[]
  [field: string]: unknown
}

let h: Harness | undefined
let receiver: Receiver | undefined
afterEach(async () => {
  await h?.close()
  await receiver?.close()
  h = undefined
  receiver = undefined
})

async function setup(options: EmulatorOptions = {}) {
  const rx = await startReceiver()
  const emu = await startEmulator({ webhook: { url: rx.url, secret: SECRET }, ...options })
  rx.clock = () => emu.emulator.clock.now()
  h = emu
  receiver = rx
  return { h: emu, rx }
}

const ofType = (rx: Receiver, event: string) =>
  rx.received.filter((w) => header(w, 'x-kirim-event') === event)

/** Every header and the signature, checked with an independent HMAC. */
function expectSignedWebhook(w: ReceivedWebhook, event: string, clockNow: number, secret = SECRET) {
  expect(header(w, 'content-type')).toMatch(/^application\/json/)
  expect(header(w, 'x-kirim-event')).toBe(event)
  expect(header(w, 'x-kirim-event-id')).toMatch(EVT_ID)
  expect(header(w, 'x-kirim-delivery-id')).toMatch(ANY_ID)
  expect(header(w, 'x-kirim-attempt')).toMatch(/^[1-8]$/)
  expect(header(w, 'x-kirim-source')).toBe('meta')
  expect(header(w, 'user-agent')).toBe('Kirim-Webhook/1.0')
  const signature = header(w, 'x-kirim-signature')
  expect(signature).toMatch(/^t=\d+(,v1=[0-9a-f]{64})+$/)
  const { valid, t } = verifySignature(signature, w.raw, secret)
  expect(valid, `signature ${signature} over ${w.raw.toString()}`).toBe(true)
  expect(verifySignature(signature, w.raw, `${secret}x`).valid).toBe(false)
  expect(verifySignature(signature, Buffer.concat([w.raw, Buffer.from(' ')]), secret).valid).toBe(
    false,
  )
  // A receiver rejects t more than 300 s from now: the emulator must sign with its own clock.
  expect(Math.abs(t - Math.floor(clockNow / 1000))).toBeLessThanOrEqual(300)
}

/** Meta's envelope, and the `value` inside it. */
function metaValue(w: ReceivedWebhook, from = NUMBER) {
  const json: MetaWebhook = w.json
  expect(json.object).toBe('whatsapp_business_account')
  expect(json.entry).toHaveLength(1)
  const entry = json.entry[0]!
  expect(entry.id).toBeTypeOf('string')
  expect(entry.id.length).toBeGreaterThan(0)
  expect(entry.changes).toHaveLength(1)
  const change = entry.changes[0]!
  expect(change.field).toBe('messages')
  const value = change.value
  expect(value.messaging_product).toBe('whatsapp')
  expect(digits(value.metadata.display_phone_number).replace(/\D/g, '')).toBe(digits(from))
  expect(value.metadata.phone_number_id).toBeTypeOf('string')
  expect(value.metadata.phone_number_id.length).toBeGreaterThan(0)
  return value
}

function statusOf(w: ReceivedWebhook) {
  const statuses = metaValue(w).statuses
  expect(statuses).toHaveLength(1)
  return statuses![0]!
}

async function deliveries(harness: Harness): Promise<Delivery[]> {
  const r = await harness.get<{ data: Delivery[] }>('/_emulator/webhooks', { key: null })
  expect(r.status).toBe(200)
  return r.body.data
}

async function deliveryOf(harness: Harness, eventId: string): Promise<Delivery> {
  const found = (await deliveries(harness)).filter((d) => JSON.stringify(d).includes(eventId))
  expect(found, `one delivery for ${eventId}`).toHaveLength(1)
  return found[0]!
}

async function inbound(harness: Harness, body: Record<string, unknown>): Promise<string> {
  const r = await harness.request<{ data: { id: string } }>('POST', '/_emulator/inbound', {
    key: null,
    body,
  })
  expect(r.status, r.text).toBeLessThan(300)
  // Attempt 1 is due "now": let anything due at this instant run.
  await harness.advance(0)
  return r.body.data.id
}

const ORDER = ['pending', 'sent', 'delivered', 'read']

describe('message.status', () => {
  it('shows pending → sent → delivered → read on GET as the clock runs, never backwards', async () => {
    const { h } = await setup()
    const m = expectAccepted(await h.send(textTo(OPEN)))
    const seen: string[] = [m.status]
    const updates: string[] = [m.updated_at]
    await advanceUntil(
      h,
      async () => {
        const now = await h.message(m.id)
        if (now.status !== seen.at(-1)) {
          seen.push(now.status)
          updates.push(now.updated_at)
        }
        expect(now.provider_message_id).toBe(m.provider_message_id)
        return now.status === 'read'
      },
      { step: 100, max: 20 * SECOND },
    )
    expect(seen).toEqual(ORDER)
    for (let i = 1; i < updates.length; i++) {
      expect(Date.parse(updates[i]!)).toBeGreaterThan(Date.parse(updates[i - 1]!))
    }
    await h.advance(48 * HOUR)
    expect((await h.message(m.id)).status).toBe('read')
  })

  it('prices sent and delivered under one conversation id per message (32 hex)', async () => {
    const { h, rx } = await setup()
    const first = expectAccepted(await h.send(textTo(OPEN)))
    const second = expectAccepted(await h.send(templateTo(OPEN)))
    await h.advance(10 * SECOND)
    await rx.waitFor(6)
    const conversations = new Map<string, Set<string>>()
    for (const w of ofType(rx, 'message.status')) {
      const status = statusOf(w) as { id: string; conversation?: { id: string } }
      if (status.conversation === undefined) continue
      expect(status.conversation.id).toMatch(/^[0-9a-f]{32}$/)
      const ids = conversations.get(status.id) ?? new Set()
      conversations.set(status.id, ids.add(status.conversation.id))
    }
    const [a, b] = [first, second].map((m) => conversations.get(m.provider_message_id!))
    expect(a?.size).toBe(1)
    expect(b?.size).toBe(1)
    expect([...a!][0]).not.toBe([...b!][0])
  })

  it("sends one signed message.status per change, in Meta's shape", async () => {
    const { h, rx } = await setup()
    const m = expectAccepted(await h.send(textTo(OPEN)))
    await advanceUntil(h, async () => (await h.message(m.id)).status === 'read', {
      step: 250,
      max: 20 * SECOND,
    })
    await rx.waitFor(3)
    await h.advance(HOUR)
    await sleep(50)
    const events = ofType(rx, 'message.status')
    expect(events).toHaveLength(3)
    const statuses = events.map((w) => {
      expectSignedWebhook(w, 'message.status', w.clockAt!)
      expect(header(w, 'x-kirim-attempt')).toBe('1')
      const s = statusOf(w)
      expect(s.id).toBe(m.provider_message_id)
      expect(digits(s.recipient_id)).toBe(digits(OPEN))
      expect(s.timestamp).toMatch(/^\d+$/)
      expect(Math.abs(Number(s.timestamp) - w.clockAt! / 1000)).toBeLessThanOrEqual(2)
      expect(s.errors).toBeUndefined()
      return s.status
    })
    expect(statuses).toEqual(['sent', 'delivered', 'read'])
    const eventIds = new Set(events.map((w) => header(w, 'x-kirim-event-id')))
    expect(eventIds.size).toBe(3)
  })

  it('reports an async failure as a failed status with Meta errors', async () => {
    const { h, rx } = await setup()
    const m = expectAccepted(await h.send(templateTo(NOT_ON_WHATSAPP)))
    await advanceUntil(h, async () => (await h.message(m.id)).status === 'failed', {
      step: 250,
      max: 20 * SECOND,
    })
    const failed = await (async () => {
      for (let i = 0; i < 100; i++) {
        const hit = ofType(rx, 'message.status').find((w) => statusOf(w).status === 'failed')
        if (hit) return hit
        await sleep(10)
      }
      throw new Error('no failed message.status webhook')
    })()
    expectSignedWebhook(failed, 'message.status', failed.clockAt!)
    const s = statusOf(failed)
    expect(s.id).toBe(m.provider_message_id)
    expect(s.errors).toHaveLength(1)
    expect([1006, 131026]).toContain(s.errors![0]!.code)
    expect(s.errors![0]!.title).toBeTypeOf('string')
  })

  it('never sends read for the delivered-never-read recipient', async () => {
    const { h, rx } = await setup()
    const m = expectAccepted(await h.send(templateTo(NEVER_READ)))
    await advanceUntil(h, async () => (await h.message(m.id)).status === 'delivered', {
      step: 250,
      max: 20 * SECOND,
    })
    await rx.waitFor(2)
    await h.advance(48 * HOUR)
    await sleep(50)
    expect(ofType(rx, 'message.status').map((w) => statusOf(w).status)).toEqual([
      'sent',
      'delivered',
    ])
  })
})

describe('fast timing', () => {
  it('moves each status step within 100 ms of the last, in real time', async () => {
    const { h, rx } = await setup({ timing: 'fast' })
    const started = performance.now()
    const m = expectAccepted(await h.send(textTo(OPEN)))
    const received = await rx.waitFor(3, 2000)
    expect(received.map((w) => statusOf(w).status)).toEqual(['sent', 'delivered', 'read'])
    let previous = started
    for (const w of received) {
      expectSignedWebhook(w, 'message.status', h.emulator.clock.now())
      expect(statusOf(w).id).toBe(m.provider_message_id)
      // 100 ms per step, plus delivery over loopback on a shared machine.
      expect(w.receivedAt - previous).toBeLessThan(250)
      previous = w.receivedAt
    }
    expect((await h.message(m.id)).status).toBe('read')
  })
})

describe('message.received', () => {
  it("carries an inbound text in Meta's shape", async () => {
    const { h, rx } = await setup()
    const wamid = await inbound(h, { from: STRANGER, text: 'Halo, saya mau pesan' })
    const [w] = await rx.waitFor(1)
    expectSignedWebhook(w!, 'message.received', h.emulator.clock.now())
    const messages = metaValue(w!).messages
    expect(messages).toHaveLength(1)
    const msg = messages![0]!
    expect(digits(msg.from)).toBe(digits(STRANGER))
    expect(msg.id).toBe(wamid)
    expect(msg.timestamp).toMatch(/^\d+$/)
    expect(msg.type).toBe('text')
    expect(msg.text).toEqual({ body: 'Halo, saya mau pesan' })
  })

  it('carries a list reply with the chosen id', async () => {
    const { h, rx } = await setup()
    const wamid = await inbound(h, {
      from: STRANGER,
      interactive: {
        type: 'list_reply',
        id: 'billing',
        title: 'Tagihan',
        description: 'Tanya soal tagihan',
      },
    })
    const [w] = await rx.waitFor(1)
    expectSignedWebhook(w!, 'message.received', h.emulator.clock.now())
    const msg = metaValue(w!).messages![0]!
    expect(msg.id).toBe(wamid)
    expect(msg.type).toBe('interactive')
    expect(msg.interactive?.type).toBe('list_reply')
    expect(msg.interactive?.list_reply).toEqual({
      id: 'billing',
      title: 'Tagihan',
      description: 'Tanya soal tagihan',
    })
  })

  it('carries a button reply with the chosen id', async () => {
    const { h, rx } = await setup()
    await inbound(h, {
      from: STRANGER,
      interactive: { type: 'button_reply', id: 'ya', title: 'Ya' },
    })
    const [w] = await rx.waitFor(1)
    const msg = metaValue(w!).messages![0]!
    expect(msg.type).toBe('interactive')
    expect(msg.interactive?.type).toBe('button_reply')
    expect(msg.interactive?.button_reply).toEqual({ id: 'ya', title: 'Ya' })
  })
})

describe('delivery and retries', () => {
  it('retries a 500 about 10 s later on the clock with the same event id and attempt 2', async () => {
    const { h, rx } = await setup()
    rx.respond = (_, n) => (n === 0 ? 500 : 200)
    await inbound(h, { from: STRANGER, text: 'retry me' })
    const [first] = await rx.waitFor(1)
    expect(header(first!, 'x-kirim-attempt')).toBe('1')

    await h.advance(7 * SECOND)
    await sleep(30)
    expect(rx.received, 'no retry before 8 s (10 s − 20 %)').toHaveLength(1)
    await advanceUntil(h, () => rx.received.length >= 2, { step: 250, max: 10 * SECOND })
    const second = rx.received[1]!
    const gap = second.clockAt! - first!.clockAt!
    expect(gap).toBeGreaterThanOrEqual(8 * SECOND - 500)
    expect(gap).toBeLessThanOrEqual(12 * SECOND + 500)
    expect(header(second, 'x-kirim-attempt')).toBe('2')
    expect(header(second, 'x-kirim-event-id')).toBe(header(first!, 'x-kirim-event-id'))
    expect(second.json).toEqual(first!.json)
    expectSignedWebhook(second, 'message.received', second.clockAt!)

    await h.advance(48 * HOUR)
    await sleep(30)
    expect(rx.received).toHaveLength(2)
    const delivery = await deliveryOf(h, header(first!, 'x-kirim-event-id'))
    expect(delivery.state).toBe('delivered')
    expect(delivery.attempts).toHaveLength(2)
  })

  it('gives up at once on a 400', async () => {
    const { h, rx } = await setup()
    rx.respond = () => 400
    await inbound(h, { from: STRANGER, text: 'dead letter' })
    const [first] = await rx.waitFor(1)
    for (let i = 0; i < 8; i++) await h.advance(6 * HOUR)
    await sleep(30)
    expect(rx.received).toHaveLength(1)
    const delivery = await deliveryOf(h, header(first!, 'x-kirim-event-id'))
    expect(delivery.state).toBe('dead')
    expect(delivery.attempts).toHaveLength(1)
  })

  it('retries 408, 429 and 3xx like 5xx', async () => {
    const { h, rx } = await setup()
    const answers = [408, 429, 302, 200]
    rx.respond = (_, n) => answers[n] ?? 200
    await inbound(h, { from: STRANGER, text: 'retry kinds' })
    await rx.waitFor(1)
    await advanceUntil(h, () => rx.received.length >= 4, { step: 2 * SECOND, max: 10 * MINUTE })
    expect(rx.received.map((w) => header(w, 'x-kirim-attempt'))).toEqual(['1', '2', '3', '4'])
    await h.advance(48 * HOUR)
    await sleep(30)
    expect(rx.received).toHaveLength(4)
    expect((await deliveryOf(h, header(rx.received[0]!, 'x-kirim-event-id'))).state).toBe(
      'delivered',
    )
  })

  it('makes 8 attempts at most, on the documented schedule, then marks the delivery dead', async () => {
    const { h, rx } = await setup()
    rx.respond = () => 500
    await inbound(h, { from: STRANGER, text: 'never accepted' })
    await rx.waitFor(1)
    const schedule = [10, 30, 120, 600, 3600, 6 * 3600, 24 * 3600].map((s) => s * SECOND)
    for (const [i, gap] of schedule.entries()) {
      const step = Math.max(SECOND, gap / 40)
      const before = rx.received.at(-1)!.clockAt!
      await advanceUntil(h, () => rx.received.length >= i + 2, { step, max: gap * 1.2 + 3 * step })
      const at = rx.received[i + 1]!.clockAt!
      expect(at - before, `gap before attempt ${i + 2}`).toBeGreaterThanOrEqual(
        gap * 0.8 - 2 * step - SECOND,
      )
      expect(at - before, `gap before attempt ${i + 2}`).toBeLessThanOrEqual(
        gap * 1.2 + 2 * step + SECOND,
      )
    }
    await h.advance(72 * HOUR)
    await sleep(30)
    expect(rx.received).toHaveLength(8)
    expect(rx.received.map((w) => header(w, 'x-kirim-attempt'))).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
    ])
    expect(new Set(rx.received.map((w) => header(w, 'x-kirim-event-id'))).size).toBe(1)
    const delivery = await deliveryOf(h, header(rx.received[0]!, 'x-kirim-event-id'))
    expect(delivery.state).toBe('dead')
    expect(delivery.attempts).toHaveLength(8)
  })
})

describe('webhook target at run time', () => {
  it('delivers to a target set by PUT /_emulator/webhook and stops after DELETE', async () => {
    const rx = await startReceiver()
    receiver = rx
    const emu = await startEmulator()
    h = emu
    rx.clock = () => emu.emulator.clock.now()
    const secret = 'whsec_runtimeruntimeruntime'

    await inbound(emu, { from: STRANGER, text: 'nobody listens' })
    await sleep(30)
    expect(rx.received).toHaveLength(0)

    const put = await emu.request('PUT', '/_emulator/webhook', {
      key: null,
      body: { url: rx.url, secret },
    })
    expect(put.status).toBeLessThan(300)
    await inbound(emu, { from: STRANGER, text: 'now someone listens' })
    const [w] = await rx.waitFor(1)
    expectSignedWebhook(w!, 'message.received', emu.emulator.clock.now(), secret)

    const del = await emu.request('DELETE', '/_emulator/webhook', { key: null })
    expect(del.status).toBeLessThan(300)
    await inbound(emu, { from: STRANGER, text: 'gone again' })
    await emu.advance(MINUTE)
    await sleep(50)
    expect(rx.received).toHaveLength(1)
  })
})

describe('POST /v1/webhook_subscriptions', () => {
  it('answers 400 invalid_webhook_url for a non-https url', async () => {
    const { h } = await setup()
    for (const url of ['http://example.com/hooks', 'not a url']) {
      const r = await h.request('POST', '/v1/webhook_subscriptions', {
        body: { url, events: ['message.status'], description: 'test' },
      })
      expectApiError(r, { status: 400, type: 'invalid_request_error', code: 'invalid_webhook_url' })
    }
  })

  it('returns the secret once as initial_secret for an https url', async () => {
    const { h } = await setup()
    const r = await h.request<{ data: { id: string; initial_secret: string } }>(
      'POST',
      '/v1/webhook_subscriptions',
      {
        body: { url: 'https://example.com/hooks', events: ['message.status'], description: 'test' },
      },
    )
    expect([200, 201, 202], r.text).toContain(r.status)
    expect(r.body.data.id).toMatch(/^wbs_/)
    expect(r.body.data.initial_secret).toMatch(/^whsec_/)
  })
})
