import { safeParse } from 'valibot'
import { describe, expect, test } from 'vitest'
import { toValidationIssues } from '../../issues.ts'
import { InteractiveMessageSchema } from '../interactive.ts'

function issues(input: unknown) {
  const result = safeParse(InteractiveMessageSchema, input, { abortEarly: false })
  return result.success ? [] : toValidationIssues(result.issues)
}
const cta = (
  overrides: Record<string, unknown> = {},
  parameters: Record<string, unknown> = {},
) => ({
  to: '+628111111111',
  type: 'interactive',
  interactive: {
    type: 'cta_url',
    body: { text: 'Klik untuk melacak pesanan Anda.' },
    action: {
      name: 'cta_url',
      parameters: {
        display_text: 'Lacak Pesanan',
        url: 'https://your-app.example.com/orders/12345',
        ...parameters,
      },
    },
    ...overrides,
  },
})

describe('interactive cta_url', () => {
  test('the minimal message passes', () => {
    expect(issues(cta())).toEqual([])
  })
  test('body: 1024 characters pass, 1025 fail, empty fails', () => {
    expect(issues(cta({ body: { text: 'x'.repeat(1024) } }))).toEqual([])
    expect(issues(cta({ body: { text: 'x'.repeat(1025) } }))).toEqual([
      { path: 'interactive.body.text', message: 'must be at most 1024 characters (got 1025)' },
    ])
    expect(issues(cta({ body: { text: '' } }))).toEqual([
      { path: 'interactive.body.text', message: 'must be at least 1 character (got 0)' },
    ])
    expect(issues(cta({ body: undefined }))).toEqual([
      { path: 'interactive.body', message: 'is required' },
    ])
  })
  test('display_text: 20 characters pass, 21 fail, empty fails', () => {
    expect(issues(cta({}, { display_text: 'x'.repeat(20) }))).toEqual([])
    expect(issues(cta({}, { display_text: 'x'.repeat(21) }))).toEqual([
      {
        path: 'interactive.action.parameters.display_text',
        message: 'must be at most 20 characters (got 21)',
      },
    ])
    expect(issues(cta({}, { display_text: '' }))).toEqual([
      {
        path: 'interactive.action.parameters.display_text',
        message: 'must be at least 1 character (got 0)',
      },
    ])
  })
  test('url: https passes, http and not-a-URL fail', () => {
    expect(issues(cta({}, { url: 'http://your-app.example.com/orders/1' }))).toEqual([
      {
        path: 'interactive.action.parameters.url',
        message: 'must be an https URL (got "http://your-app.example.com/orders/1")',
      },
    ])
    expect(issues(cta({}, { url: 'orders/1' }))).toEqual([
      {
        path: 'interactive.action.parameters.url',
        message: 'must be an https URL (got "orders/1")',
      },
    ])
  })
  test('action.name must be "cta_url"', () => {
    const input = cta()
    input.interactive.action.name = 'open_url'
    expect(issues(input)).toEqual([
      { path: 'interactive.action.name', message: 'must be "cta_url" (got "open_url")' },
    ])
  })
  test('header text and footer: 60 characters pass, 61 fail', () => {
    expect(
      issues(
        cta({ header: { type: 'text', text: 'x'.repeat(60) }, footer: { text: 'x'.repeat(60) } }),
      ),
    ).toEqual([])
    expect(
      issues(
        cta({ header: { type: 'text', text: 'x'.repeat(61) }, footer: { text: 'x'.repeat(61) } }),
      ),
    ).toEqual([
      { path: 'interactive.header.text', message: 'must be at most 60 characters (got 61)' },
      { path: 'interactive.footer.text', message: 'must be at most 60 characters (got 61)' },
    ])
    expect(issues(cta({ header: { type: 'text', text: '' }, footer: { text: '' } }))).toEqual([
      { path: 'interactive.header.text', message: 'must be at least 1 character (got 0)' },
      { path: 'interactive.footer.text', message: 'must be at least 1 character (got 0)' },
    ])
  })
  test.each(['image', 'video', 'document'])('a %s header takes an https url', (type) => {
    expect(issues(cta({ header: { type, [type]: { url: 'https://a.example/h' } } }))).toEqual([])
    expect(issues(cta({ header: { type, [type]: { url: 'http://a.example/h' } } }))).toEqual([
      {
        path: `interactive.header.${type}.url`,
        message: 'must be an https URL (got "http://a.example/h")',
      },
    ])
  })
  test('an unknown header type is rejected', () => {
    expect(issues(cta({ header: { type: 'audio' } }))).toEqual([
      {
        path: 'interactive.header.type',
        message: 'must be one of "text", "image", "video", "document" (got "audio")',
      },
    ])
  })
  test('unknown fields at every level are reported, all of them', () => {
    expect(issues(cta({ bdoy: { text: 'x' } }, { displayText: 'x', target: '_blank' }))).toEqual([
      { path: 'interactive.action.parameters.displayText', message: 'unknown field' },
      { path: 'interactive.action.parameters.target', message: 'unknown field' },
      { path: 'interactive.bdoy', message: 'unknown field' },
    ])
  })
  test('an unknown interactive type lists the known ones', () => {
    expect(issues(cta({ type: 'carousel' }))).toEqual([
      {
        path: 'interactive.type',
        message: 'must be one of "cta_url", "list", "button" (got "carousel")',
      },
    ])
  })
})
