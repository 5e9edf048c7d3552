import { describe, expect, it } from 'vitest'
import { parseWebhookEvent } from './parseWebhookEvent.ts'
import { statusUpdates } from './statusUpdates.ts'

const T = 1_750_000_000
const encoder = new TextEncoder()
const metadata = { display_phone_number: '628511760008029', phone_number_id: '106540352242922' }

function metaEvent(type: string, values: readonly Record<string, unknown>[]) {
  const body = {
    object: 'whatsapp_business_account',
    entry: values.map((value, index) => ({
      id: `10229012934039${index}`,
      changes: [
        { field: 'messages', value: { messaging_product: 'whatsapp', metadata, ...value } },
      ],
    })),
  }
  return parseWebhookEvent(
    encoder.encode(JSON.stringify(body)),
    { 'x-kirim-event': type, 'x-kirim-event-id': 'evt_01JZ8XF0000000000000000000' },
    T,
  )
}

const failed = {
  id: 'wamid.HBgNNjI4MTIyMjIyMjIyFQIAERgSRkFJTEVEAA==',
  status: 'failed',
  timestamp: '1750000001',
  recipient_id: '628122222222',
  biz_opaque_callback_data: 'order-1234',
  errors: [
    {
      code: 131047,
      title: 'Re-engagement message',
      message: 'Re-engagement message',
      error_data: {
        details:
          'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
      },
      href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
    },
    { code: 131000, title: 'Something went wrong' },
  ],
}

const sent = {
  id: 'wamid.HBgNNjI4MTExMTExMTExFQIAERgSU0VOVAA=',
  status: 'sent',
  timestamp: '1750000000',
  recipient_id: '628111111111',
  conversation: {
    id: 'a75d17ad06104c51166f948319b03c6a',
    expiration_timestamp: '1750086400',
    origin: { type: 'service' },
  },
  pricing: { billable: true, pricing_model: 'PMP', category: 'service', type: 'regular' },
}

describe('statusUpdates', () => {
  it("flattens a failed status with Meta's errors", () => {
    const [update, ...rest] = statusUpdates(metaEvent('message.status', [{ statuses: [failed] }]))
    expect(rest).toEqual([])
    expect(update).toEqual({
      wamid: failed.id,
      status: 'failed',
      recipient: '+628122222222',
      timestamp: new Date(1_750_000_001_000),
      errors: [
        {
          code: 131047,
          title: 'Re-engagement message',
          message: 'Re-engagement message',
          details: failed.errors[0]?.error_data?.details,
        },
        { code: 131000, title: 'Something went wrong', message: 'Something went wrong' },
      ],
      phoneNumberId: '106540352242922',
      raw: failed,
    })
  })

  it('passes the conversation and pricing blocks through as Meta sent them', () => {
    const [update] = statusUpdates(metaEvent('message.status', [{ statuses: [sent] }]))
    expect(update?.errors).toEqual([])
    expect(update?.conversation).toEqual(sent.conversation)
    expect(update?.pricing).toEqual(sent.pricing)
  })

  it('omits conversation and pricing when Meta sent none', () => {
    const read = {
      id: 'wamid.R',
      status: 'read',
      timestamp: 1_750_000_002,
      recipient_id: '628111111111',
    }
    const [update] = statusUpdates(metaEvent('message.status', [{ statuses: [read] }]))
    expect(update).not.toHaveProperty('conversation')
    expect(update).not.toHaveProperty('pricing')
    expect(update?.timestamp).toEqual(new Date(1_750_000_002_000))
  })

  it('flattens every status of every entry, in order', () => {
    const event = metaEvent('message.status', [
      { statuses: [sent, { ...sent, id: 'wamid.2', status: 'delivered' }] },
      { statuses: [failed] },
    ])
    expect(statusUpdates(event).map((update) => [update.wamid, update.status])).toEqual([
      [sent.id, 'sent'],
      ['wamid.2', 'delivered'],
      [failed.id, 'failed'],
    ])
  })

  it('passes through statuses Meta adds and leaves a group recipient as it is', () => {
    const played = {
      id: 'wamid.P',
      status: 'played',
      timestamp: '1750000003',
      recipient_id: 'Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD',
      recipient_type: 'group',
    }
    const [update] = statusUpdates(metaEvent('message.status', [{ statuses: [played] }]))
    expect(update?.status).toBe('played')
    expect(update?.recipient).toBe(played.recipient_id)
  })

  it('gives nothing for events without statuses', () => {
    const received = metaEvent('message.received', [
      {
        messages: [
          {
            from: '628111111111',
            id: 'wamid.M',
            timestamp: '1750000000',
            type: 'text',
            text: { body: 'hi' },
          },
        ],
      },
    ])
    expect(statusUpdates(received)).toEqual([])
    const own = parseWebhookEvent(
      encoder.encode(
        JSON.stringify({
          id: 'evt_9',
          type: 'contact.created',
          created_at: '2025-06-15T15:06:40Z',
          data: {},
        }),
      ),
      {},
      T,
    )
    expect(statusUpdates(own)).toEqual([])
  })
})
