import { describe, expect, it } from 'vitest'
import { parseWebhookEvent } from './parseWebhookEvent.ts'
import type { WebhookHeaders } from './readHeader.ts'
import { WebhookVerificationError } from './WebhookVerificationError.ts'

const T = 1_750_000_000
const encoder = new TextEncoder()

function parse(body: unknown, headers: WebhookHeaders = {}) {
  return parseWebhookEvent(encoder.encode(JSON.stringify(body)), headers, T)
}

function failure(run: () => unknown): WebhookVerificationError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError)
    expect((error as WebhookVerificationError).reason).toBe('invalid_payload')
    return error as WebhookVerificationError
  }
  return expect.unreachable('parseWebhookEvent returned')
}

const metaStatus = {
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
                id: 'wamid.A',
                status: 'delivered',
                timestamp: '1750000000',
                recipient_id: '628111111111',
              },
            ],
            a_field_meta_adds_tomorrow: { nested: true },
          },
        },
      ],
    },
  ],
}

describe("parseWebhookEvent: Kirim's own events", () => {
  it.each([
    'conversation.assigned',
    'conversation.closed',
    'contact.created',
    'contact.updated',
  ] as const)('types %s from its envelope, keeping every field of data', (type) => {
    const event = parse(
      {
        id: 'evt_01JZ8XD0000000000000000000',
        type,
        created_at: '2025-06-15T15:06:40.123Z',
        data: { id: 'cnv_01JZ8XE0000000000000000000', assignee: { id: 'usr_1', name: 'Dewi' } },
      },
      { 'x-kirim-event': ` ${type} `, 'x-kirim-source': 'kirim' },
    )
    expect(event).toEqual({
      type,
      id: 'evt_01JZ8XD0000000000000000000',
      deliveryId: undefined,
      attempt: undefined,
      source: 'kirim',
      timestamp: new Date(T * 1000),
      createdAt: new Date('2025-06-15T15:06:40.123Z'),
      data: { id: 'cnv_01JZ8XE0000000000000000000', assignee: { id: 'usr_1', name: 'Dewi' } },
    })
  })

  it('refuses a created_at that is not an ISO 8601 time', () => {
    const error = failure(() =>
      parse({ id: 'evt_1', type: 'contact.created', created_at: 'yesterday', data: {} }),
    )
    expect(error.message).toContain('created_at: must be an ISO 8601 time')
  })

  it('refuses data that is not an object', () => {
    const error = failure(() =>
      parse({
        id: 'evt_1',
        type: 'contact.created',
        created_at: '2025-06-15T15:06:40Z',
        data: 'x',
      }),
    )
    expect(error.message).toContain('data:')
  })
})

describe('parseWebhookEvent: Meta events', () => {
  it("keeps Meta's fields this SDK does not name", () => {
    const event = parse(metaStatus, {
      'x-kirim-event': 'message.status',
      'x-kirim-event-id': 'evt_4',
    })
    if (event.type !== 'message.status') return expect.unreachable(event.type)
    expect(event.id).toBe('evt_4')
    expect(event.data.entry[0]?.changes[0]?.value).toMatchObject({
      a_field_meta_adds_tomorrow: { nested: true },
    })
  })

  it('refuses a payload of another Meta product', () => {
    const error = failure(() =>
      parse(
        { ...metaStatus, object: 'page' },
        { 'x-kirim-event': 'message.status', 'x-kirim-event-id': 'evt_5' },
      ),
    )
    expect(error.message).toContain('object:')
  })

  it('lists at most five issues and counts the rest', () => {
    const broken = {
      object: 'whatsapp_business_account',
      entry: Array.from({ length: 7 }, () => ({})),
    }
    const error = failure(() =>
      parse(broken, { 'x-kirim-event': 'message.received', 'x-kirim-event-id': 'evt_6' }),
    )
    expect(error.message).toContain('(and 9 more)')
    expect(error.message).toContain('entry.0.id')
  })
})

describe('parseWebhookEvent: event types this SDK does not know', () => {
  it('returns an unknown event, with the whole body, instead of throwing', () => {
    const body = { template: { name: 'order_confirmation', status: 'paused' } }
    const event = parse(body, {
      'x-kirim-event': 'template.status_changed',
      'x-kirim-event-id': 'evt_7',
    })
    expect(event).toEqual({
      type: 'unknown',
      eventType: 'template.status_changed',
      id: 'evt_7',
      deliveryId: undefined,
      attempt: undefined,
      source: undefined,
      timestamp: new Date(T * 1000),
      data: body,
    })
  })

  it("takes an unknown Kirim envelope's type and id from the body", () => {
    const body = {
      id: 'evt_8',
      type: 'broadcast.finished',
      created_at: '2025-06-15T15:06:40Z',
      data: {},
    }
    expect(parse(body)).toMatchObject({
      type: 'unknown',
      eventType: 'broadcast.finished',
      id: 'evt_8',
      data: body,
    })
  })

  it('refuses an unknown event with no id anywhere', () => {
    failure(() => parse({ anything: true }, { 'x-kirim-event': 'thing.happened' }))
  })
})
