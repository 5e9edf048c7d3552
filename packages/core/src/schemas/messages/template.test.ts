import { safeParse } from 'valibot'
import { describe, expect, test } from 'vitest'
import { toValidationIssues } from '../issues.ts'
import { TemplateMessageSchema } from './template.ts'

function parse(input: unknown) {
  return safeParse(TemplateMessageSchema, input, { abortEarly: false })
}
function issues(input: unknown) {
  const result = parse(input)
  return result.success ? [] : toValidationIssues(result.issues)
}
const body = (template: Record<string, unknown>) => ({
  to: '+628111111111',
  type: 'template',
  template: { name: 'order_confirmation', language: 'id_ID', ...template },
})
const withComponents = (...components: unknown[]) => body({ components })

describe('template name', () => {
  test.each(['order_confirmation', 'otp', 'promo_2026', 'a'.repeat(512)])('accepts %s', (name) => {
    expect(issues(body({ name }))).toEqual([])
  })
  test.each([
    'Order_Confirmation',
    'order-confirmation',
    'order confirmation',
    '',
    'a'.repeat(513),
    'pesanan_diterima!',
  ])('rejects %j', (name) => {
    expect(issues(body({ name }))).toEqual([
      {
        path: 'template.name',
        message: expect.stringMatching(
          /^must be 1–512 lowercase letters, digits or underscores \(got ".*"\)$/,
        ),
      },
    ])
  })
  test('is required', () => {
    expect(issues({ to: '+628111111111', type: 'template', template: { language: 'en' } })).toEqual(
      [{ path: 'template.name', message: 'is required' }],
    )
  })
})

describe('template language', () => {
  test.each(['id_ID', 'en_US', 'en', 'pt_BR', 'fil'])('accepts the string %s', (language) => {
    expect(issues(body({ language }))).toEqual([])
  })
  test('accepts { code } and { code, policy: "deterministic" }', () => {
    expect(issues(body({ language: { code: 'en_US' } }))).toEqual([])
    expect(issues(body({ language: { code: 'en_US', policy: 'deterministic' } }))).toEqual([])
  })
  test.each(['EN', 'en-US', 'en_us', 'english', ''])('rejects the string %j', (language) => {
    expect(issues(body({ language }))).toEqual([
      {
        path: 'template.language',
        message: `must be a language code like "en", "en_US" or "id_ID" (got ${JSON.stringify(language)})`,
      },
    ])
  })
  test('rejects a bad code or policy inside the object form', () => {
    expect(issues(body({ language: { code: 'en-US', policy: 'fallback' } }))).toEqual([
      {
        path: 'template.language.code',
        message: 'must be a language code like "en", "en_US" or "id_ID" (got "en-US")',
      },
      {
        path: 'template.language.policy',
        message: 'must be "deterministic" (got "fallback")',
      },
    ])
    expect(issues(body({ language: { code: 'en', lang: 'x' } }))).toEqual([
      { path: 'template.language.lang', message: 'unknown field' },
    ])
  })
  test('rejects other types', () => {
    expect(issues(body({ language: 5 }))).toEqual([
      {
        path: 'template.language',
        message: 'must be a language code string or { code, policy? } (got 5)',
      },
    ])
  })
})

describe('template components (Meta shape)', () => {
  test('no components is fine', () => {
    expect(issues(body({}))).toEqual([])
  })
  test('every documented parameter type passes', () => {
    const input = withComponents(
      {
        type: 'header',
        parameters: [{ type: 'image', image: { link: 'https://a.example/h.jpg' } }],
      },
      {
        type: 'body',
        parameters: [
          { type: 'text', text: 'John' },
          {
            type: 'currency',
            currency: { fallback_value: '$100.99', code: 'USD', amount_1000: 100990 },
          },
          { type: 'date_time', date_time: { fallback_value: 'February 25, 1977' } },
        ],
      },
      {
        type: 'button',
        sub_type: 'quick_reply',
        index: '0',
        parameters: [{ type: 'payload', payload: 'STOP' }],
      },
      {
        type: 'button',
        sub_type: 'url',
        index: '1',
        parameters: [{ type: 'text', text: 'ord-12345' }],
      },
      {
        type: 'button',
        sub_type: 'copy_code',
        index: '2',
        parameters: [{ type: 'coupon_code', coupon_code: 'HEMAT25' }],
      },
    )
    expect(issues(input)).toEqual([])
  })
  test.each([
    ['text', { type: 'text', text: 'Halo' }],
    ['image by id', { type: 'image', image: { id: '1234567890' } }],
    ['video', { type: 'video', video: { link: 'https://a.example/v.mp4' } }],
    [
      'document',
      { type: 'document', document: { link: 'https://a.example/d.pdf', filename: 'd.pdf' } },
    ],
  ])('a header takes one %s parameter', (_, parameter) => {
    expect(issues(withComponents({ type: 'header', parameters: [parameter] }))).toEqual([])
  })
  test('a header takes exactly one parameter', () => {
    expect(issues(withComponents({ type: 'header', parameters: [] }))).toEqual([
      {
        path: 'template.components[0].parameters',
        message: 'must have at least 1 parameter (got 0)',
      },
    ])
    const text = { type: 'text', text: 'a' }
    expect(issues(withComponents({ type: 'header', parameters: [text, text] }))).toEqual([
      {
        path: 'template.components[0].parameters',
        message: 'must have at most 1 parameter (got 2)',
      },
    ])
  })
  test('a media parameter needs a link or an id', () => {
    expect(
      issues(withComponents({ type: 'header', parameters: [{ type: 'image', image: {} }] })),
    ).toEqual([
      { path: 'template.components[0].parameters[0].image', message: 'must have a link or an id' },
    ])
  })
  test('a parameter type outside its component is rejected', () => {
    expect(
      issues(withComponents({ type: 'body', parameters: [{ type: 'payload', payload: 'x' }] })),
    ).toEqual([
      {
        path: 'template.components[0].parameters[0].type',
        message: 'must be one of "text", "currency", "date_time" (got "payload")',
      },
    ])
    expect(issues(withComponents({ type: 'header', parameters: [{ type: 'currency' }] }))).toEqual([
      {
        path: 'template.components[0].parameters[0].type',
        message: 'must be one of "text", "image", "video", "document" (got "currency")',
      },
    ])
  })
  test('each parameter type needs its own field', () => {
    expect(
      issues(
        withComponents({
          type: 'body',
          parameters: [
            { type: 'text' },
            { type: 'currency', currency: { fallback_value: '$1', code: 'USD', amount_1000: 1.5 } },
            { type: 'date_time', date_time: {} },
          ],
        }),
      ),
    ).toEqual([
      { path: 'template.components[0].parameters[0].text', message: 'is required' },
      {
        path: 'template.components[0].parameters[1].currency.amount_1000',
        message: 'must be an integer (got 1.5)',
      },
      {
        path: 'template.components[0].parameters[2].date_time.fallback_value',
        message: 'is required',
      },
    ])
  })
  test('a button needs a sub_type and an index as a string "0"–"9"', () => {
    const button = { type: 'button', parameters: [{ type: 'payload', payload: 'x' }] }
    expect(issues(withComponents({ ...button, sub_type: 'quick_reply', index: 0 }))).toEqual([
      { path: 'template.components[0].index', message: 'must be a string (got 0)' },
    ])
    expect(issues(withComponents({ ...button, sub_type: 'quick_reply', index: '10' }))).toEqual([
      {
        path: 'template.components[0].index',
        message: 'must be a button position "0" to "9" (got "10")',
      },
    ])
    expect(issues(withComponents({ ...button, sub_type: 'call', index: '0' }))).toEqual([
      {
        path: 'template.components[0].sub_type',
        message: 'must be one of "quick_reply", "url", "copy_code" (got "call")',
      },
    ])
    expect(issues(withComponents({ ...button, index: '0' }))).toEqual([
      { path: 'template.components[0].sub_type', message: 'is required' },
    ])
  })
  test('a component type outside header/body/button is rejected', () => {
    expect(issues(withComponents({ type: 'footer', parameters: [] }))).toEqual([
      {
        path: 'template.components[0].type',
        message: 'must be one of "header", "body", "button" (got "footer")',
      },
    ])
  })
  test('fields Meta adds pass through untouched (loose objects)', () => {
    const input = withComponents({
      type: 'body',
      future_flag: true,
      parameters: [{ type: 'text', text: 'John', parameter_name: 'customer_name' }],
    })
    const result = parse(input)
    expect(result.success).toBe(true)
    expect(result.output).toEqual(input)
  })
  test('the template object itself is strict', () => {
    expect(issues(body({ namespace: 'x' }))).toEqual([
      { path: 'template.namespace', message: 'unknown field' },
    ])
  })
})
