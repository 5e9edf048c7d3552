import { describe, expect, it } from 'vitest'
import { inboundMessages } from './inboundMessages.ts'
import { parseWebhookEvent } from './parseWebhookEvent.ts'

const T = 1_750_000_000
const encoder = new TextEncoder()
const metadata = { display_phone_number: '628511760008029', phone_number_id: '106540352242922' }
const SENT_LIST = 'wamid.HBgNNjI4MTExMTExMTExFQIAERgSTElTVAA='

function received(value: Record<string, unknown>) {
  const body = {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          { field: 'messages', value: { messaging_product: 'whatsapp', metadata, ...value } },
        ],
      },
    ],
  }
  return parseWebhookEvent(
    encoder.encode(JSON.stringify(body)),
    { 'x-kirim-event': 'message.received', 'x-kirim-event-id': 'evt_01JZ8XG0000000000000000000' },
    T,
  )
}

const siti = { profile: { name: 'Siti' }, wa_id: '628111111111' }

function message(fields: Record<string, unknown>) {
  return { from: '628111111111', id: 'wamid.IN', timestamp: '1750000000', ...fields }
}

describe('inboundMessages', () => {
  it('flattens a text message with the sender profile name', () => {
    const text = message({ type: 'text', text: { body: 'Halo, pesanan saya sudah sampai?' } })
    expect(inboundMessages(received({ contacts: [siti], messages: [text] }))).toEqual([
      {
        wamid: 'wamid.IN',
        from: '+628111111111',
        timestamp: new Date(T * 1000),
        type: 'text',
        text: 'Halo, pesanan saya sudah sampai?',
        profileName: 'Siti',
        phoneNumberId: '106540352242922',
        raw: text,
      },
    ])
  })

  it('flattens a list reply, with the row description and the message it answers', () => {
    const reply = message({
      type: 'interactive',
      context: { from: '628511760008029', id: SENT_LIST },
      interactive: {
        type: 'list_reply',
        list_reply: {
          id: 'priority_express',
          title: 'Priority Mail Express',
          description: 'Next Day to 2 Days',
        },
      },
    })
    const [flat] = inboundMessages(received({ contacts: [siti], messages: [reply] }))
    expect(flat?.interactive).toEqual({
      type: 'list_reply',
      id: 'priority_express',
      title: 'Priority Mail Express',
      description: 'Next Day to 2 Days',
    })
    expect(flat?.inReplyTo).toBe(SENT_LIST)
    expect(flat).not.toHaveProperty('text')
  })

  it('flattens a reply-button tap', () => {
    const reply = message({
      type: 'interactive',
      context: { from: '628511760008029', id: SENT_LIST },
      interactive: { type: 'button_reply', button_reply: { id: 'cancel-button', title: 'Cancel' } },
    })
    const [flat] = inboundMessages(received({ messages: [reply] }))
    expect(flat?.interactive).toEqual({
      type: 'button_reply',
      id: 'cancel-button',
      title: 'Cancel',
    })
    expect(flat).not.toHaveProperty('profileName')
  })

  it("flattens a template's quick-reply button", () => {
    const tap = message({
      type: 'button',
      button: { payload: 'STOP_PROMOS', text: 'Stop promotions' },
    })
    const [flat] = inboundMessages(received({ messages: [tap] }))
    expect(flat?.type).toBe('button')
    expect(flat?.button).toEqual({ text: 'Stop promotions', payload: 'STOP_PROMOS' })
    expect(flat).not.toHaveProperty('interactive')
  })

  it('keeps media, locations and types it does not flatten in raw', () => {
    const image = message({
      id: 'wamid.IMG',
      type: 'image',
      image: { id: '1479537139650973', mime_type: 'image/jpeg', sha256: 'abc=', caption: 'Struk' },
    })
    const monas = { latitude: -6.175392, longitude: 106.827153, name: 'Monas', address: 'Jakarta' }
    const location = message({ id: 'wamid.LOC', type: 'location', location: monas })
    const order = message({
      id: 'wamid.ORD',
      type: 'order',
      order: { catalog_id: '1', product_items: [] },
    })
    const flows = message({
      id: 'wamid.NFM',
      type: 'interactive',
      interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', response_json: '{}' } },
    })
    const flat = inboundMessages(received({ messages: [image, location, order, flows] }))
    expect(flat.map((item) => item.type)).toEqual(['image', 'location', 'order', 'interactive'])
    expect(flat[0]?.raw.image?.caption).toBe('Struk')
    expect(flat[1]?.raw.location).toEqual(monas)
    expect(flat[2]?.raw).toEqual(order)
    expect(flat[3]).not.toHaveProperty('interactive')
  })

  it('matches each message to its own sender among several contacts', () => {
    const budi = { profile: { name: 'Budi' }, wa_id: '628155555555' }
    const flat = inboundMessages(
      received({
        contacts: [siti, budi],
        messages: [
          message({ from: '628155555555', type: 'text', text: { body: 'a' } }),
          message({ type: 'text', text: { body: 'b' } }),
        ],
      }),
    )
    expect(flat.map((item) => [item.from, item.profileName])).toEqual([
      ['+628155555555', 'Budi'],
      ['+628111111111', 'Siti'],
    ])
  })

  it("uses a lone contact even when its wa_id is written differently, never a stranger's name", () => {
    // Meta may give the contact's wa_id in another form than the message's from (Brazil's
    // ninth digit, for one); a lone contact is that sender.
    const lone = { profile: { name: 'Joao' }, wa_id: '5511987654321' }
    const [fromLone] = inboundMessages(
      received({
        contacts: [lone],
        messages: [message({ from: '551187654321', type: 'text', text: { body: 'oi' } })],
      }),
    )
    expect(fromLone?.profileName).toBe('Joao')
    const budi = { profile: { name: 'Budi' }, wa_id: '628155555555' }
    const [stranger] = inboundMessages(
      received({
        contacts: [siti, budi],
        messages: [message({ from: '628199999999', type: 'text', text: { body: '?' } })],
      }),
    )
    expect(stranger).not.toHaveProperty('profileName')
  })

  it('gives nothing for events without messages', () => {
    const status = parseWebhookEvent(
      encoder.encode(
        JSON.stringify({
          object: 'whatsapp_business_account',
          entry: [
            {
              id: '1',
              changes: [
                {
                  field: 'messages',
                  value: {
                    messaging_product: 'whatsapp',
                    metadata,
                    statuses: [
                      {
                        id: 'wamid.S',
                        status: 'read',
                        timestamp: '1',
                        recipient_id: '628111111111',
                      },
                    ],
                  },
                },
              ],
            },
          ],
        }),
      ),
      { 'x-kirim-event': 'message.status', 'x-kirim-event-id': 'evt_10' },
      T,
    )
    expect(inboundMessages(status)).toEqual([])
  })
})
