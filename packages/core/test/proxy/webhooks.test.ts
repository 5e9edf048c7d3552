import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signWebhook } from '../../src/webhooks/index.ts'
import {
  as,
  browserFetch,
  envelopeOf,
  expectNoKeyLeak,
  extraProxy,
  mint,
  readEvents,
  type Stack,
  send,
  startStack,
  statusEvents,
  text,
  WEBHOOK_SECRET,
} from './fixtures.ts'

// Manual timing: the emulator sends no webhooks of its own; these tests send them.
let stack: Stack
beforeAll(async () => {
  stack = await startStack({ emulator: { timing: 'manual' }, webhooks: false })
})
afterAll(async () => {
  await stack.close()
  expectNoKeyLeak()
})

let eventCounter = 0

/** A `message.status` delivery for `wamid`, in Meta's shape. */
function statusBody(wamid: string, status: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: '628511760008029',
                phone_number_id: '106540352242922',
              },
              statuses: [
                {
                  id: wamid,
                  status,
                  timestamp: String(Math.floor(Date.now() / 1000)),
                  recipient_id: '628111111111',
                  ...extra,
                },
              ],
            },
          },
        ],
      },
    ],
  })
}

/** Posts a signed delivery to the proxy. */
async function deliver(
  body: string,
  options: {
    eventId?: string
    secret?: string | string[]
    timestamp?: number
    base?: string
    signature?: string
  } = {},
): Promise<Response> {
  const signature =
    options.signature ??
    (await signWebhook({
      body,
      secret: options.secret ?? WEBHOOK_SECRET,
      timestamp: options.timestamp,
    }))
  return browserFetch(`${options.base ?? stack.base}/webhooks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Kirim-Webhook/1.0',
      'x-kirim-signature': signature,
      'x-kirim-event': 'message.status',
      'x-kirim-event-id': options.eventId ?? `evt_${String(++eventCounter).padStart(26, '0')}`,
      'x-kirim-source': 'meta',
      'x-kirim-attempt': '1',
    },
    body,
  })
}

/** Sends a message through the proxy as `user`; its id and wamid. */
async function sent(token: string): Promise<{ id: string; wamid: string }> {
  const response = await send(stack, token, text())
  expect(response.status).toBe(202)
  const { data } = (await response.json()) as { data: { id: string; provider_message_id: string } }
  return { id: data.id, wamid: data.provider_message_id }
}

describe('POST /webhooks: verification', () => {
  it('refuses an unsigned, malformed, stale or wrongly signed delivery with 400 and a reason code', async () => {
    const body = statusBody('wamid.x', 'sent')
    const cases: [Promise<Response>, string][] = [
      [
        browserFetch(`${stack.base}/webhooks`, {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json' },
        }),
        'missing_signature',
      ],
      [deliver(body, { signature: 't=abc,v1=zz' }), 'malformed_signature'],
      [
        deliver(body, { timestamp: Math.floor(Date.now() / 1000) - 330 }),
        'timestamp_outside_tolerance',
      ],
      [
        deliver(body, { timestamp: Math.floor(Date.now() / 1000) + 330 }),
        'timestamp_outside_tolerance',
      ],
      [deliver(body, { secret: 'whsec_wrong' }), 'signature_mismatch'],
      [deliver('{"not":"meta"}'), 'invalid_payload'],
    ]
    for (const [pending, code] of cases) {
      const response = await pending
      expect(response.status, code).toBe(400)
      const error = await envelopeOf(response)
      expect(error).toMatchObject({ type: 'invalid_request_error', code })
      expect(error.message).not.toContain(WEBHOOK_SECRET)
    }
  })

  it('accepts a delivery just inside the tolerance (300 s)', async () => {
    const response = await deliver(statusBody('wamid.unknown', 'sent'), {
      timestamp: Math.floor(Date.now() / 1000) - 298,
    })
    expect(response.status).toBe(200)
  })

  it('accepts any of several secrets (rotation)', async () => {
    const rotating = await extraProxy(stack, {
      webhookSecret: ['whsec_new_secret_value', WEBHOOK_SECRET],
    })
    try {
      expect((await deliver(statusBody('wamid.a', 'sent'), { base: rotating.base })).status).toBe(
        200,
      )
      expect(
        (
          await deliver(statusBody('wamid.b', 'sent'), {
            base: rotating.base,
            secret: 'whsec_new_secret_value',
          })
        ).status,
      ).toBe(200)
      expect(
        (
          await deliver(statusBody('wamid.c', 'sent'), {
            base: rotating.base,
            secret: 'whsec_other',
          })
        ).status,
      ).toBe(400)
    } finally {
      await rotating.close()
    }
  })

  it('answers 404 when webhooks are not enabled (no webhookSecret)', async () => {
    const disabled = await extraProxy(stack, { webhookSecret: undefined })
    try {
      const response = await deliver(statusBody('wamid.a', 'sent'), { base: disabled.base })
      expect(response.status).toBe(404)
      expect((await envelopeOf(response)).code).toBe('route_not_found')
    } finally {
      await disabled.close()
    }
  })

  it('answers 2xx to statuses of messages the proxy did not send, and to other event types', async () => {
    expect((await deliver(statusBody('wamid.not-ours', 'delivered'))).status).toBe(200)
    const contact = JSON.stringify({
      id: 'evt_01J00000000000000000000000',
      type: 'contact.created',
      created_at: new Date().toISOString(),
      data: { id: 'ctc_01J00000000000000000000000' },
    })
    const response = await browserFetch(`${stack.base}/webhooks`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-kirim-signature': await signWebhook({ body: contact, secret: WEBHOOK_SECRET }),
        'x-kirim-event': 'contact.created',
        'x-kirim-event-id': 'evt_01J00000000000000000000000',
      },
      body: contact,
    })
    expect(response.status).toBe(200)
  })
})

describe('POST /webhooks: status events', () => {
  it('publishes to the sender’s stream, never backwards, once per event id', async () => {
    const token = await mint(stack, as('hook_user'))
    const message = await sent(token)
    const stream = await browserFetch(`${stack.base}/events`, {
      headers: { authorization: `Bearer ${token}` },
    })

    expect(
      (await deliver(statusBody(message.wamid, 'delivered'), { eventId: 'evt_A' })).status,
    ).toBe(200)
    // A repeat of the same event, then a stale status: neither is published.
    const repeat = await deliver(statusBody(message.wamid, 'delivered'), { eventId: 'evt_A' })
    expect(repeat.status).toBe(200)
    expect(await repeat.json()).toEqual({ received: true, duplicate: true })
    expect((await deliver(statusBody(message.wamid, 'sent'), { eventId: 'evt_B' })).status).toBe(
      200,
    )
    expect(
      (await deliver(statusBody(message.wamid, 'delivered'), { eventId: 'evt_C' })).status,
    ).toBe(200)
    expect((await deliver(statusBody(message.wamid, 'read'), { eventId: 'evt_D' })).status).toBe(
      200,
    )
    // After read (terminal), a failed is stale too.
    expect((await deliver(statusBody(message.wamid, 'failed'), { eventId: 'evt_E' })).status).toBe(
      200,
    )

    const frames = await readEvents(stream, (frames) =>
      statusEvents(frames).some((event) => event.id === message.id && event.status === 'read'),
    )
    const ours = statusEvents(frames).filter((event) => event.id === message.id)
    expect(ours.map((event) => event.status)).toEqual(['pending', 'delivered', 'read'])
    expect(ours[1]).toEqual({
      id: message.id,
      status: 'delivered',
      provider_message_id: message.wamid,
      updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      error: null,
    })
    // Event ids increase.
    const ids = frames
      .filter((frame) => frame.id !== undefined)
      .map((frame) => Number(frame.id!.split('.')[1]))
    expect([...ids].sort((a, b) => a - b)).toEqual(ids)
  })

  it('publishes a failed status with the error of the Message (Kirim’s code), falling back to Meta’s', async () => {
    const token = await mint(stack, as('fail_user'))
    const message = await sent(token)
    const stream = await browserFetch(`${stack.base}/events`, {
      headers: { authorization: `Bearer ${token}` },
    })
    const response = await deliver(
      statusBody(message.wamid, 'failed', {
        errors: [
          { code: 131026, title: 'Message undeliverable', message: 'Message undeliverable' },
        ],
      }),
    )
    expect(response.status).toBe(200)
    const frames = await readEvents(stream, (frames) =>
      statusEvents(frames).some((event) => event.status === 'failed'),
    )
    const failed = statusEvents(frames).find((event) => event.status === 'failed')!
    // The emulator's message is not failed (manual timing): upstream cannot say, Meta's words are used.
    expect(failed).toMatchObject({
      id: message.id,
      error: { code: 'delivery_failed', message: 'Message undeliverable', provider_code: 131026 },
    })
  })
})
