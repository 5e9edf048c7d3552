import type { IncomingHttpHeaders } from 'node:http'
import { describe, expectTypeOf, it } from 'vitest'
import {
  type InboundMessage,
  inboundMessages,
  type KirimEventData,
  type MetaWebhookPayload,
  type StatusUpdate,
  statusUpdates,
  verifyWebhook,
  type WebhookEvent,
  type WebhookVerificationError,
  type WebhookVerificationReason,
} from './index.ts'

declare const event: WebhookEvent

describe('WebhookEvent', () => {
  it('narrows on type to the shape of each event', () => {
    if (event.type === 'message.status' || event.type === 'message.received') {
      expectTypeOf(event.data).toEqualTypeOf<MetaWebhookPayload>()
    }
    switch (event.type) {
      case 'conversation.assigned':
      case 'contact.updated':
        expectTypeOf(event.createdAt).toEqualTypeOf<Date>()
        expectTypeOf(event.data).toEqualTypeOf<KirimEventData>()
        break
      case 'unknown':
        expectTypeOf(event.eventType).toEqualTypeOf<string>()
        expectTypeOf(event.data).toEqualTypeOf<unknown>()
        break
    }
  })

  it('carries the delivery fields on every event', () => {
    expectTypeOf(event.id).toEqualTypeOf<string>()
    expectTypeOf(event.timestamp).toEqualTypeOf<Date>()
    expectTypeOf(event.attempt).toEqualTypeOf<number | undefined>()
  })

  it('reads Meta statuses with their documented literals', () => {
    if (event.type !== 'message.status') return
    const status = event.data.entry[0]?.changes[0]?.value.statuses?.[0]?.status
    expectTypeOf<'failed'>().toExtend<NonNullable<typeof status>>()
  })
})

describe('verifyWebhook', () => {
  it("accepts Node's headers, Buffers and an unset environment variable", () => {
    const headers = {} as IncomingHttpHeaders
    expectTypeOf(
      verifyWebhook({ body: Buffer.from(''), headers, secret: process.env.KIRIM_WEBHOOK_SECRET }),
    ).toEqualTypeOf<Promise<WebhookEvent>>()
    verifyWebhook({
      body: new ArrayBuffer(0),
      headers: new Headers(),
      secret: ['a', 'b'],
      now: new Date(),
    })
  })

  it('refuses a parsed body at compile time', () => {
    // @ts-expect-error a parsed object is not a raw body
    verifyWebhook({ body: { id: 'evt_1' }, headers: {}, secret: 's' })
  })

  it('names its failure reasons', () => {
    expectTypeOf<WebhookVerificationError['reason']>().toEqualTypeOf<WebhookVerificationReason>()
  })
})

describe('flatteners', () => {
  it('take any event', () => {
    expectTypeOf(statusUpdates(event)).toEqualTypeOf<StatusUpdate[]>()
    expectTypeOf(inboundMessages(event)).toEqualTypeOf<InboundMessage[]>()
  })
})
