import { describe, expectTypeOf, it } from 'vitest'
import type { Kirim } from '../core/Kirim.ts'
import type { Page, PagePromise } from '../core/PagePromise.ts'
import type { RateLimit } from '../http/rateLimit.ts'
import type { Me, Message, MessageStatus, SendMessageBody, Template } from '../schemas/index.ts'
import type { KirimOptions } from '../types/options.ts'

declare const kirim: Kirim

describe('kirim.messages.send', () => {
  it('returns a Message', () => {
    expectTypeOf(
      kirim.messages.send({ to: '+628111111111', type: 'text', text: { body: 'Halo' } }),
    ).toEqualTypeOf<Promise<Message>>()
    expectTypeOf<Message['status']>().toEqualTypeOf<MessageStatus>()
  })

  it('narrows the body by type: each type needs its own payload and no other', () => {
    kirim.messages.send({ to: '+628111111111', type: 'template', template: { name: 'reengagement', language: 'id_ID' } })
    kirim.messages.send({ to: '+628111111111', type: 'image', image: { url: 'https://cdn.example/a.jpg' } })
    // @ts-expect-error an image message needs `image`
    kirim.messages.send({ to: '+628111111111', type: 'image', text: { body: 'x' } })
    // @ts-expect-error a text message needs `text`
    kirim.messages.send({ to: '+628111111111', type: 'text' })
    // @ts-expect-error audio takes no caption
    kirim.messages.send({ to: '+628111111111', type: 'audio', audio: { url: 'https://cdn.example/a.mp3', caption: 'x' } })
    // @ts-expect-error not a message type
    kirim.messages.send({ to: '+628111111111', type: 'sticker', sticker: {} })
    expectTypeOf<Extract<SendMessageBody, { type: 'text' }>['text']>().toHaveProperty('body')
  })

  it('takes send options', () => {
    kirim.messages.send(
      { to: '+628111111111', type: 'text', text: { body: 'Halo' } },
      { idempotencyKey: 'order-42', signal: new AbortController().signal, timeout: 5000, maxRetries: 0 },
    )
    // @ts-expect-error unknown option
    kirim.messages.send({ to: '+628111111111', type: 'text', text: { body: 'Halo' } }, { retries: 2 })
  })
})

describe('the rest of the client', () => {
  it('types get, waitFor, me, rateLimit', () => {
    expectTypeOf(kirim.messages.get('msg_1')).toEqualTypeOf<Promise<Message>>()
    expectTypeOf(kirim.messages.waitFor('msg_1', { until: 'delivered' })).toEqualTypeOf<Promise<Message>>()
    // @ts-expect-error `pending` is where a message starts, not something to wait for
    kirim.messages.waitFor('msg_1', { until: 'pending' })
    expectTypeOf(kirim.me()).toEqualTypeOf<Promise<Me>>()
    expectTypeOf(kirim.rateLimit).toEqualTypeOf<RateLimit | undefined>()
  })

  it('lists templates as an awaitable, iterable page promise', async () => {
    const list = kirim.templates.list({ status: 'approved', limit: 50 })
    expectTypeOf(list).toEqualTypeOf<PagePromise<Template>>()
    expectTypeOf(await list).toEqualTypeOf<Page<Template>>()
    expectTypeOf((await list).nextCursor).toEqualTypeOf<string | null>()
    for await (const template of list) expectTypeOf(template).toEqualTypeOf<Template>()
    // @ts-expect-error not a template status
    kirim.templates.list({ status: 'archived' })
  })

  it('takes exactly one credential in its options', () => {
    expectTypeOf({ apiKey: 'k' }).toExtend<KirimOptions>()
    expectTypeOf({ tokenUrl: '/t' }).toExtend<KirimOptions>()
    expectTypeOf({ token: async () => ({ token: 't', expiresIn: 60 }) }).toExtend<KirimOptions>()
    expectTypeOf({ apiKey: 'k', tokenUrl: '/t' }).not.toExtend<KirimOptions>()
    expectTypeOf({ baseUrl: 'https://x' }).not.toExtend<KirimOptions>()
  })
})
