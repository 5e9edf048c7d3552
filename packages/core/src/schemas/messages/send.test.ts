import { safeParse } from 'valibot'
import { describe, expect, test } from 'vitest'
import { toValidationIssues } from '../issues.ts'
import { SendMessageSchema } from './send.ts'

function issues(input: unknown) {
  const result = safeParse(SendMessageSchema, input, { abortEarly: false })
  return result.success ? [] : toValidationIssues(result.issues)
}

// Verbatim from the seed page, "Send Your First Message".
const SEED_BODIES: Record<string, string> = {
  'multi-account text': `{ "from": "+628511760008029", "to": "+628111111111", "type": "text", "text": { "body": "..." }}`,
  text: `{ "to": "+628111111111", "type": "text", "text": { "body": "Halo dari Kirim" }}`,
  template: `{ "to": "+628111111111", "type": "template", "template": { "name": "order_confirmation", "language": "id_ID", "components": [ { "type": "body", "parameters": [ { "type": "text", "text": "John" }, { "type": "text", "text": "ORD-12345" } ] } ] }}`,
  image: `{ "to": "+628111111111", "type": "image", "image": { "url": "https://your-cdn.example.com/screenshot.jpg", "caption": "Lihat tangkapan layar" }}`,
  cta_url: `{ "to": "+628111111111", "type": "interactive", "interactive": { "type": "cta_url", "body": { "text": "Klik untuk melacak pesanan Anda." }, "action": { "name": "cta_url", "parameters": { "display_text": "Lacak Pesanan", "url": "https://your-app.example.com/orders/12345" } } }}`,
  list: `{ "to": "+628111111111", "type": "interactive", "interactive": { "type": "list", "header": { "type": "text", "text": "Pilih layanan" }, "body": { "text": "Layanan apa yang Anda butuhkan?" }, "footer": { "text": "Pilih satu" }, "action": { "button": "Lihat opsi", "sections": [ { "title": "Bantuan", "rows": [ { "id": "billing", "title": "Tagihan", "description": "Tanya soal tagihan" }, { "id": "tech", "title": "Teknis", "description": "Bug, error, kesulitan" } ] } ] } }}`,
  'template fallback': `{ "to": "+628111111111", "type": "template", "template": { "name": "reengagement", "language": "id_ID" } }`,
  'curl body': `{"to":"+628111111111","type":"text","text":{"body":"Halo"}}`,
}

describe('SendMessageSchema', () => {
  test.each(Object.entries(SEED_BODIES))(
    'the seed page example "%s" parses unchanged',
    (_, json) => {
      const input: unknown = JSON.parse(json)
      const result = safeParse(SendMessageSchema, input)
      expect(result.issues).toBeUndefined()
      expect(result.output).toEqual(input)
    },
  )

  test('an unknown type lists every known one', () => {
    expect(issues({ to: '+628111111111', type: 'sticker', sticker: {} })).toEqual([
      {
        path: 'type',
        message:
          'must be one of "text", "template", "image", "document", "video", "audio", "interactive" (got "sticker")',
      },
    ])
  })
  test('a missing type is required', () => {
    expect(issues({ to: '+628111111111', text: { body: 'x' } })).toEqual([
      {
        path: 'type',
        message:
          'is required (one of "text", "template", "image", "document", "video", "audio", "interactive")',
      },
    ])
  })
  test('a body that is not an object', () => {
    expect(issues(null)).toEqual([{ path: '', message: 'must be an object (got null)' }])
    expect(issues('{"to":"+62"}')).toEqual([
      { path: '', message: 'must be an object (got "{\\"to\\":\\"+62\\"}")' },
    ])
  })
  test('the payload of another type is an unknown field', () => {
    expect(
      issues({
        to: '+628111111111',
        type: 'image',
        image: { url: 'https://a.example/x.jpg' },
        text: { body: 'x' },
      }),
    ).toEqual([{ path: 'text', message: 'unknown field' }])
  })
  test('a type without its payload', () => {
    expect(issues({ to: '+628111111111', type: 'image' })).toEqual([
      { path: 'image', message: 'is required' },
    ])
  })

  describe('to and from', () => {
    const text = (to: unknown, from?: unknown) => ({
      ...(from === undefined ? {} : { from }),
      to,
      type: 'text',
      text: { body: 'x' },
    })
    test('to is required, from is optional', () => {
      expect(issues({ type: 'text', text: { body: 'x' } })).toEqual([
        { path: 'to', message: 'is required' },
      ])
      expect(issues(text('+628111111111'))).toEqual([])
      expect(issues(text('+628111111111', '+628511760008029'))).toEqual([])
    })
    test.each([
      ['628111111111', 'no plus'],
      ['0811', 'leading 0, local form'],
      ['+0811111111', 'leading 0 after the plus'],
      ['+1234567890123456', '16 digits'],
      ['+62811abc', 'letters'],
      ['+62 811 1111 111', 'spaces'],
    ])('rejects %j (%s) in to and from', (phone) => {
      const message = `must be an E.164 phone number with a leading + (got ${JSON.stringify(phone)})`
      expect(issues(text(phone, phone))).toEqual([
        { path: 'from', message },
        { path: 'to', message },
      ])
    })
    test('15 digits pass', () => {
      expect(issues(text('+123456789012345'))).toEqual([])
    })
  })

  test('every issue is reported, not only the first', () => {
    expect(
      issues({
        to: '0811',
        from: 'me',
        type: 'image',
        image: { url: 'http://a.example/x.jpg', caption: 'x'.repeat(1025), captoin: 'y' },
        priority: 'high',
      }),
    ).toEqual([
      { path: 'from', message: 'must be an E.164 phone number with a leading + (got "me")' },
      { path: 'to', message: 'must be an E.164 phone number with a leading + (got "0811")' },
      { path: 'image.url', message: 'must be an https URL (got "http://a.example/x.jpg")' },
      { path: 'image.caption', message: 'must be at most 1024 characters (got 1025)' },
      { path: 'image.captoin', message: 'unknown field' },
      { path: 'priority', message: 'unknown field' },
    ])
  })

  test('the output is a copy: parsing does not mutate the input', () => {
    const input = JSON.parse(SEED_BODIES.list!) as unknown
    const snapshot = structuredClone(input)
    const result = safeParse(SendMessageSchema, input)
    expect(result.output).not.toBe(input)
    expect(input).toEqual(snapshot)
  })
})
