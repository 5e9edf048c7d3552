import type { InferOutput } from 'valibot'
import { describe, expectTypeOf, test } from 'vitest'
import type { parseSendMessage } from '../parse.ts'
import type { AudioMessageBody, ImageMessageBody } from './media.ts'
import type { SendMessageBody, SendMessageSchema } from './send.ts'
import type { TemplateMessageBody } from './template.ts'
import type { TextMessageBody } from './text.ts'

describe('SendMessageBody narrows by type', () => {
  test('each documented body compiles', () => {
    const bodies: SendMessageBody[] = [
      { to: '+628111111111', type: 'text', text: { body: 'Halo' } },
      {
        from: '+628511760008029',
        to: '+628111111111',
        type: 'text',
        text: { body: 'x', preview_url: true },
      },
      {
        to: '+628111111111',
        type: 'template',
        template: {
          name: 'order_confirmation',
          language: { code: 'id_ID', policy: 'deterministic' },
          components: [
            { type: 'body', parameters: [{ type: 'text', text: 'John' }] },
            {
              type: 'button',
              sub_type: 'quick_reply',
              index: '0',
              parameters: [{ type: 'payload', payload: 'p' }],
            },
          ],
        },
      },
      {
        to: '+628111111111',
        type: 'image',
        image: { url: 'https://a.example/x.jpg', caption: 'c' },
      },
      {
        to: '+628111111111',
        type: 'document',
        document: { url: 'https://a.example/x.pdf', filename: 'x.pdf' },
      },
      { to: '+628111111111', type: 'video', video: { url: 'https://a.example/x.mp4' } },
      { to: '+628111111111', type: 'audio', audio: { url: 'https://a.example/x.mp3' } },
      {
        to: '+628111111111',
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: 'Ok?' },
          action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Ya' } }] },
        },
      },
    ]
    expectTypeOf(bodies).toEqualTypeOf<SendMessageBody[]>()
  })

  test('a type without its payload does not compile', () => {
    // @ts-expect-error: an image message needs `image`
    const missing: SendMessageBody = { to: '+628111111111', type: 'image' }
    const wrong: SendMessageBody = {
      to: '+628111111111',
      type: 'text',
      text: { body: 'x' },
      // @ts-expect-error: `image` does not belong on a text message
      image: { url: 'https://a.example/x.jpg' },
    }
    const caption: AudioMessageBody = {
      to: '+628111111111',
      type: 'audio',
      audio: {
        url: 'https://a.example/x.mp3',
        // @ts-expect-error: audio has no caption
        caption: 'x',
      },
    }
    const typo: ImageMessageBody = {
      to: '+628111111111',
      type: 'image',
      image: {
        url: 'https://a.example/x.jpg',
        // @ts-expect-error: a typo in a Kirim-defined field
        captoin: 'x',
      },
    }
    // @ts-expect-error: unknown message type
    const unknown: SendMessageBody = { to: '+628111111111', type: 'sticker', sticker: {} }
    // @ts-expect-error: `to` is required
    const noTo: TextMessageBody = { type: 'text', text: { body: 'x' } }
    const noTitle: SendMessageBody = {
      to: '+628111111111',
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: 'x' },
        action: {
          button: 'b',
          // @ts-expect-error: a list row needs a title
          sections: [{ rows: [{ id: 'a' }] }],
        },
      },
    }
    void [missing, wrong, caption, typo, unknown, noTo, noTitle]
  })

  test('narrowing on type gives the payload', () => {
    const body = {} as SendMessageBody
    if (body.type === 'image') expectTypeOf(body.image.url).toEqualTypeOf<string>()
    if (body.type === 'text') expectTypeOf(body.text.body).toEqualTypeOf<string>()
    if (body.type === 'interactive' && body.interactive.type === 'list') {
      expectTypeOf(body.interactive.action.sections[0]!.rows[0]!.id).toEqualTypeOf<string>()
    }
    expectTypeOf<SendMessageBody['type']>().toEqualTypeOf<
      'text' | 'template' | 'image' | 'document' | 'video' | 'audio' | 'interactive'
    >()
  })

  test('template components stay open to fields Meta adds', () => {
    const body: TemplateMessageBody = {
      to: '+628111111111',
      type: 'template',
      template: {
        name: 'x',
        language: 'en',
        components: [
          { type: 'body', parameters: [{ type: 'text', text: 'a', parameter_name: 'first' }] },
        ],
      },
    }
    void body
  })

  test('parseSendMessage returns the body type', () => {
    expectTypeOf<ReturnType<typeof parseSendMessage>>().toEqualTypeOf<SendMessageBody>()
    expectTypeOf<InferOutput<typeof SendMessageSchema>>().toExtend<SendMessageBody>()
  })
})

describe('response types', () => {
  test('expose only the documented fields, so a typo does not compile', () => {
    const message = {} as import('../message.ts').Message
    expectTypeOf(message.status).toEqualTypeOf<import('../message.ts').MessageStatus>()
    // @ts-expect-error: `stauts` is not a field of Message
    message.stauts
  })
})
