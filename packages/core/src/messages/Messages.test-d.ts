import { describe, expectTypeOf, it } from 'vitest'
import type { Kirim } from '../client/Kirim.ts'
import type { RateLimit } from '../http/rateLimit.ts'
import type { Page, PagePromise } from '../pagination/PagePromise.ts'
import type { Me, Message, MessageStatus, SendMessageBody, Template } from '../schemas/index.ts'
import type { KirimOptions } from '../types/options.ts'
import type { SendOptions } from './Messages.ts'

declare const kirim: Kirim
const to = '+628111111111'

describe('kirim.messages.send', () => {
  it('returns a Message', () => {
    expectTypeOf(kirim.messages.send({ to, type: 'text', text: { body: 'Halo' } })).toEqualTypeOf<
      Promise<Message>
    >()
    expectTypeOf<Message['status']>().toEqualTypeOf<MessageStatus>()
    expectTypeOf<Message['error']>().toEqualTypeOf<
      | { code: string; message: string; provider_code?: number | null | undefined }
      | null
      | undefined
    >()
  })

  it('narrows the body by type: each type needs its own payload and no other', () => {
    kirim.messages.send({
      to,
      type: 'template',
      template: { name: 'reengagement', language: 'id_ID' },
    })
    kirim.messages.send({ to, type: 'image', image: { url: 'https://cdn.example/a.jpg' } })
    const image: SendMessageBody = {
      to,
      type: 'image',
      // @ts-expect-error an image message carries `image`, not `text`
      text: { body: 'x' },
    }
    // @ts-expect-error a text message needs `text`
    const bare: SendMessageBody = { to, type: 'text' }
    const audio: SendMessageBody = {
      to,
      type: 'audio',
      // @ts-expect-error audio takes no caption
      audio: { url: 'https://cdn.example/a.mp3', caption: 'x' },
    }
    const sticker: SendMessageBody = {
      to,
      // @ts-expect-error not a message type
      type: 'sticker',
    }
    expectTypeOf([image, bare, audio, sticker]).toEqualTypeOf<SendMessageBody[]>()
    expectTypeOf<Extract<SendMessageBody, { type: 'text' }>['text']>().toHaveProperty('body')
    expectTypeOf(kirim.messages.send).parameter(0).toEqualTypeOf<SendMessageBody>()
  })

  it('takes send options', () => {
    kirim.messages.send(
      { to, type: 'text', text: { body: 'Halo' } },
      {
        idempotencyKey: 'order-42',
        signal: new AbortController().signal,
        timeout: 5000,
        maxRetries: 0,
      },
    )
    const options: SendOptions = {
      // @ts-expect-error unknown option
      retries: 2,
    }
    expectTypeOf(options).toEqualTypeOf<SendOptions>()
  })
})

describe('the rest of the client', () => {
  it('types get, waitFor, me, rateLimit', () => {
    expectTypeOf(kirim.messages.get('msg_1')).toEqualTypeOf<Promise<Message>>()
    expectTypeOf(kirim.messages.waitFor('msg_1', { until: 'delivered' })).toEqualTypeOf<
      Promise<Message>
    >()
    kirim.messages.waitFor('msg_1', {
      // @ts-expect-error `pending` is where a message starts, not something to wait for
      until: 'pending',
    })
    expectTypeOf(kirim.me()).toEqualTypeOf<Promise<Me>>()
    expectTypeOf(kirim.rateLimit).toEqualTypeOf<RateLimit | undefined>()
  })

  it('types token: an optional signal and rejected token; a string, or undefined for an apiKey', () => {
    expectTypeOf(kirim.token()).toEqualTypeOf<Promise<string | undefined>>()
    expectTypeOf(kirim.token({ signal: AbortSignal.timeout(1000), rejected: 'ey…' })).toEqualTypeOf<
      Promise<string | undefined>
    >()
    // @ts-expect-error `rejected` is the refused token itself
    kirim.token({ rejected: 401 })
  })

  it('lists templates as an awaitable, iterable page promise', async () => {
    const list = kirim.templates.list({ status: 'approved', limit: 50 })
    expectTypeOf(list).toEqualTypeOf<PagePromise<Template>>()
    expectTypeOf(list).toExtend<Promise<Page<Template>>>()
    expectTypeOf(await list).toEqualTypeOf<Page<Template>>()
    expectTypeOf((await list).nextCursor).toEqualTypeOf<string | null>()
    for await (const template of list) expectTypeOf(template).toEqualTypeOf<Template>()
    kirim.templates.list({
      // @ts-expect-error not a template status
      status: 'archived',
    })
  })

  it('infers the page, not the page promise, where a query function may return a promise', () => {
    // The shape of TanStack Query's `queryFn`.
    const useQuery = <T>(options: { queryFn: () => T | Promise<T> }): T => options.queryFn() as T
    expectTypeOf(useQuery({ queryFn: () => kirim.templates.list() })).toEqualTypeOf<
      Page<Template>
    >()
  })

  it('takes exactly one credential in its options', () => {
    expectTypeOf({ apiKey: 'k' }).toExtend<KirimOptions>()
    expectTypeOf({ tokenUrl: '/t' }).toExtend<KirimOptions>()
    expectTypeOf({ token: async () => ({ token: 't', expiresIn: 60 }) }).toExtend<KirimOptions>()
    expectTypeOf({ apiKey: 'k', tokenUrl: '/t' }).not.toExtend<KirimOptions>()
    expectTypeOf({ baseUrl: 'https://x' }).not.toExtend<KirimOptions>()
  })
})
