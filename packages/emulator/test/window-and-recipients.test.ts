import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  BLOCKED,
  CLOSED,
  expectAccepted,
  expectApiError,
  expectFailed,
  type Harness,
  HOUR,
  ISO_TIME,
  MINUTE,
  NEVER_READ,
  NOT_ON_WHATSAPP,
  NUMBER,
  OPEN,
  SECOND,
  STRANGER,
  startEmulator,
  templateTo,
  textTo,
} from './helpers.ts'

const START = Date.parse('2026-05-24T08:00:00.000Z')

let h: Harness
beforeAll(async () => {
  h = await startEmulator({ now: START })
})
afterAll(async () => {
  await h?.close()
})

const freeForm = (to: string) =>
  [
    ['text', textTo(to)],
    ['image', { to, type: 'image', image: { url: 'https://cdn.example.com/a.jpg' } }],
    [
      'interactive',
      {
        to,
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: 'Pilih' },
          action: { buttons: [{ type: 'reply', reply: { id: 'ya', title: 'Ya' } }] },
        },
      },
    ],
  ] as const

async function inbound(harness: Harness, body: Record<string, unknown>) {
  const r = await harness.request<{ data: { id: string } }>('POST', '/_emulator/inbound', {
    key: null,
    body,
  })
  expect(r.status, r.text).toBeLessThan(300)
  expect(r.body.data.id).toMatch(/^wamid\./)
  return r.body.data
}

describe('+628111111111: window open', () => {
  it.each(freeForm(OPEN))(
    'accepts a free-form %s as pending and moves it to read',
    async (_, payload) => {
      const m = expectAccepted(await h.send(payload))
      await h.advance(30 * SECOND)
      expect((await h.message(m.id)).status).toBe('read')
    },
  )

  it('stays open however far the clock moves (a test fixture, not a real customer)', async () => {
    const own = await startEmulator({ now: START })
    try {
      await own.advance(25 * 60 * 60 * SECOND)
      expectAccepted(await own.send(freeForm(OPEN)[0][1]))
    } finally {
      await own.close()
    }
  })
})

describe('+628122222222: window closed', () => {
  it.each(freeForm(CLOSED))(
    'fails a free-form %s at once with outside_24h_window',
    async (_, payload) => {
      const r = await h.send(payload)
      const m = expectAccepted(r, 'failed')
      expectFailed(m, 'outside_24h_window', 131047)
      // The failure is stored and stays put.
      await h.advance(MINUTE)
      const later = await h.message(m.id)
      expectFailed(later, 'outside_24h_window', 131047)
      expect(later.id).toBe(m.id)
    },
  )

  it('accepts a template to it and delivers it', async () => {
    const m = expectAccepted(await h.send(templateTo(CLOSED)))
    await h.advance(30 * SECOND)
    expect((await h.message(m.id)).status).toBe('read')
  })
})

describe('+628133333333: not on WhatsApp', () => {
  it('accepts the send, then fails it async with recipient_not_on_whatsapp', async () => {
    const m = expectAccepted(await h.send(templateTo(NOT_ON_WHATSAPP)))
    expect(m.provider_message_id).toMatch(/^wamid\./)
    await h.advance(30 * SECOND)
    const later = await h.message(m.id)
    expectFailed(later, 'recipient_not_on_whatsapp', [1006, 131026])
    expect(Date.parse(later.updated_at)).toBeGreaterThan(Date.parse(m.updated_at))
  })

  it('does the same for a free-form text (its window is a fixture, always open)', async () => {
    const m = expectAccepted(await h.send(textTo(NOT_ON_WHATSAPP)))
    await h.advance(30 * SECOND)
    expectFailed(await h.message(m.id), 'recipient_not_on_whatsapp', [1006, 131026])
  })
})

describe('+628144444444: blocked', () => {
  it('fails at once with recipient_blocked', async () => {
    const m = expectAccepted(await h.send(templateTo(BLOCKED)), 'failed')
    expectFailed(m, 'recipient_blocked', 1013)
    await h.advance(MINUTE)
    expectFailed(await h.message(m.id), 'recipient_blocked', 1013)
  })
})

describe('+628155555555: delivered, never read', () => {
  it('stops at delivered however long the clock runs', async () => {
    const m = expectAccepted(await h.send(templateTo(NEVER_READ)))
    await h.advance(30 * SECOND)
    expect((await h.message(m.id)).status).toBe('delivered')
    await h.advance(48 * HOUR)
    expect((await h.message(m.id)).status).toBe('delivered')
  })

  it('delivers a free-form text too, and never reads it', async () => {
    const m = expectAccepted(await h.send(textTo(NEVER_READ)))
    await h.advance(30 * SECOND)
    expect((await h.message(m.id)).status).toBe('delivered')
  })
})

describe('any other number: a new customer', () => {
  it('fails free-form at once and accepts a template', async () => {
    expectFailed(
      expectAccepted(await h.send(textTo('+447700900123')), 'failed'),
      'outside_24h_window',
      131047,
    )
    expectAccepted(await h.send(templateTo('+447700900123')))
  })

  it('opens the window on an inbound message and closes it again after 24 h', async () => {
    const customer = '+628177700001'
    expectFailed(
      expectAccepted(await h.send(textTo(customer)), 'failed'),
      'outside_24h_window',
      131047,
    )

    const clockBefore = await h.get<{ now: string }>('/_emulator/clock', { key: null })
    expect(clockBefore.body.now).toMatch(ISO_TIME)
    const openedAt = Date.parse(clockBefore.body.now)

    await inbound(h, { from: customer, text: 'Halo, saya mau pesan' })
    expectAccepted(await h.send(textTo(customer)))

    // A window is per recipient: another stranger is still closed.
    expectFailed(
      expectAccepted(await h.send(textTo(STRANGER)), 'failed'),
      'outside_24h_window',
      131047,
    )

    const moved = await h.request<{ now: string }>('POST', '/_emulator/clock', {
      key: null,
      body: { advance: '23h' },
    })
    expect(moved.status).toBe(200)
    expect(Date.parse(moved.body.now)).toBe(openedAt + 23 * HOUR)
    expectAccepted(await h.send(textTo(customer)))

    await h.request('POST', '/_emulator/clock', { key: null, body: { advance: '61m' } })
    const closed = expectAccepted(await h.send(textTo(customer)), 'failed')
    expectFailed(closed, 'outside_24h_window', 131047)
    // Templates still pass.
    expectAccepted(await h.send(templateTo(customer)))
  })

  it('counts 24 h from the latest inbound message', async () => {
    const customer = '+628177700005'
    await inbound(h, { from: customer, text: 'first' })
    await h.advance(20 * HOUR)
    await inbound(h, { from: customer, text: 'second' })
    await h.advance(10 * HOUR)
    expectAccepted(await h.send(textTo(customer)))
    await h.advance(13 * HOUR + 59 * MINUTE)
    expectAccepted(await h.send(textTo(customer)))
    await h.advance(2 * MINUTE)
    expectFailed(
      expectAccepted(await h.send(textTo(customer)), 'failed'),
      'outside_24h_window',
      131047,
    )
  })

  it('opens the window on an inbound interactive reply too', async () => {
    const customer = '+628177700002'
    await inbound(h, {
      from: customer,
      interactive: { type: 'button_reply', id: 'ya', title: 'Ya' },
    })
    expectAccepted(await h.send(textTo(customer)))
  })

  it('opens the window toward the number the customer wrote to', async () => {
    const customer = '+628177700003'
    const data = await inbound(h, { from: customer, to: NUMBER, text: 'Halo' })
    expect(data.id).toMatch(/^wamid\./)
    const m = expectAccepted(await h.send({ from: NUMBER, ...textTo(customer) }))
    expect(m.from).toBe(NUMBER)
  })

  it('answers a bad inbound with a 400 envelope', async () => {
    const r = await h.request('POST', '/_emulator/inbound', {
      key: null,
      body: { from: '628177700004', text: 'Halo' },
    })
    expectApiError(r, { status: 400, type: 'invalid_request_error', param: 'from' })
  })
})
