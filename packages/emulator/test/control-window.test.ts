import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  BLOCKED,
  CLOSED,
  expectAccepted,
  expectApiError,
  type Harness,
  HOUR,
  NEVER_READ,
  NOT_ON_WHATSAPP,
  NUMBER,
  OPEN,
  OTHER_ORG,
  OTHER_ORG_NUMBER,
  startEmulator,
  textTo,
} from './helpers.ts'

const START = Date.parse('2026-05-24T08:00:00.000Z')
const SECOND_NUMBER = '+628511760008030'

interface ConversationWindow {
  object: string
  customer: string
  business: string
  open: boolean
  always_open: boolean
  last_inbound_at: string | null
  expires_at: string | null
}

let h: Harness
beforeAll(async () => {
  h = await startEmulator({
    now: START,
    numbers: [NUMBER, SECOND_NUMBER],
    organizations: [OTHER_ORG],
  })
})
afterAll(async () => {
  await h?.close()
})

async function windowOf(customer: string, business?: string): Promise<ConversationWindow> {
  const query = new URLSearchParams({ customer, ...(business === undefined ? {} : { business }) })
  const r = await h.get<{ data: ConversationWindow }>(`/_emulator/window?${query}`, { key: null })
  expect(r.status, r.text).toBe(200)
  return r.body.data
}

async function write(from: string, to: string): Promise<string> {
  const r = await h.request<{ data: { created_at: string; window_expires_at: string } }>(
    'POST',
    '/_emulator/inbound',
    { key: null, body: { from, to, text: 'Halo' } },
  )
  expect(r.status, r.text).toBe(200)
  return r.body.data.created_at
}

/** Whether a free-form text from `business` to `customer` is accepted (not failed at once). */
async function textAccepted(customer: string, business: string): Promise<boolean> {
  const r = await h.send({ from: business, ...textTo(customer) })
  const m = expectAccepted(r, r.body.data.status === 'failed' ? 'failed' : 'pending')
  return m.status !== 'failed' || m.error?.code !== 'outside_24h_window'
}

describe('GET /_emulator/window', () => {
  it('reports each test recipient as sends see it, before any reply', async () => {
    const seeded = new Date(START).toISOString()
    expect(await windowOf(OPEN)).toEqual({
      object: 'conversation_window',
      customer: OPEN,
      business: NUMBER,
      open: true,
      always_open: true,
      last_inbound_at: seeded,
      expires_at: null,
    })
    for (const fixture of [NOT_ON_WHATSAPP, NEVER_READ]) {
      expect(await windowOf(fixture)).toMatchObject({
        open: true,
        always_open: true,
        last_inbound_at: null,
        expires_at: null,
      })
    }
    for (const closed of [CLOSED, BLOCKED]) {
      expect(await windowOf(closed)).toMatchObject({
        customer: closed,
        open: false,
        always_open: false,
        last_inbound_at: null,
        expires_at: null,
      })
    }
    expect(await textAccepted(CLOSED, NUMBER)).toBe(false)
  })

  it('opens for 24 h from the customer’s latest message, per business number', async () => {
    const customer = '+628177710001'
    expect(await windowOf(customer, NUMBER)).toMatchObject({ open: false, expires_at: null })

    const wroteAt = await write(customer, NUMBER)
    const expiresAt = new Date(Date.parse(wroteAt) + 24 * HOUR).toISOString()
    expect(await windowOf(customer, NUMBER)).toEqual({
      object: 'conversation_window',
      customer,
      business: NUMBER,
      open: true,
      always_open: false,
      last_inbound_at: wroteAt,
      expires_at: expiresAt,
    })
    expect(await textAccepted(customer, NUMBER)).toBe(true)
    // The other number of the organisation has no window with this customer.
    expect(await windowOf(customer, SECOND_NUMBER)).toMatchObject({
      business: SECOND_NUMBER,
      open: false,
      last_inbound_at: null,
    })
    expect(await textAccepted(customer, SECOND_NUMBER)).toBe(false)

    // Open up to the last millisecond, closed from the 24th hour on: the rule sends apply.
    await h.advance(24 * HOUR - 1)
    expect((await windowOf(customer, NUMBER)).open).toBe(true)
    expect(await textAccepted(customer, NUMBER)).toBe(true)
    await h.advance(1)
    expect(await windowOf(customer, NUMBER)).toMatchObject({
      open: false,
      last_inbound_at: wroteAt,
      expires_at: expiresAt,
    })
    expect(await textAccepted(customer, NUMBER)).toBe(false)
  })

  it('opens the closed-window and blocked recipients once they write', async () => {
    for (const customer of [CLOSED, BLOCKED]) {
      const wroteAt = await write(customer, SECOND_NUMBER)
      expect(await windowOf(customer, SECOND_NUMBER)).toMatchObject({
        open: true,
        always_open: false,
        last_inbound_at: wroteAt,
      })
    }
  })

  it('reads another organisation’s window through its number', async () => {
    const customer = '+628177710002'
    await write(customer, OTHER_ORG_NUMBER)
    expect(await windowOf(customer, OTHER_ORG_NUMBER)).toMatchObject({ open: true })
    expect(await windowOf(customer, NUMBER)).toMatchObject({ open: false })
  })

  it('refuses a missing, malformed or repeated parameter and an unknown business number', async () => {
    const get = (query: string) => h.get(`/_emulator/window${query}`, { key: null })
    expectApiError(await get(''), {
      status: 400,
      type: 'invalid_request_error',
      code: 'missing_required_field',
      param: 'customer',
    })
    expectApiError(await get('?customer=628111111111'), {
      status: 400,
      type: 'invalid_request_error',
      code: 'invalid_phone_number',
      param: 'customer',
    })
    expectApiError(await get(`?customer=${encodeURIComponent(OPEN)}&customer=%2B628122222222`), {
      status: 400,
      type: 'invalid_request_error',
      code: 'invalid_field_value',
      param: 'customer',
    })
    expectApiError(await get(`?customer=${encodeURIComponent(OPEN)}&business=%2B628599990000`), {
      status: 400,
      type: 'invalid_request_error',
      code: 'invalid_field_value',
      param: 'business',
    })
    expectApiError(await get(`?customer=${encodeURIComponent(OPEN)}&business=0811`), {
      status: 400,
      type: 'invalid_request_error',
      code: 'invalid_phone_number',
      param: 'business',
    })
  })

  it('is read-only: other methods answer 405 with Allow: GET', async () => {
    const r = await h.request('POST', `/_emulator/window?customer=${encodeURIComponent(CLOSED)}`, {
      key: null,
      body: { open: true },
    })
    expectApiError(r, { status: 405, type: 'invalid_request_error', code: 'method_not_allowed' })
    expect(r.headers.get('allow')).toBe('GET')
    expect(await windowOf('+628177710003')).toMatchObject({ open: false })
  })
})
