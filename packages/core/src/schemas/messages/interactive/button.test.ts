import { safeParse } from 'valibot'
import { describe, expect, test } from 'vitest'
import { toValidationIssues } from '../../issues.ts'
import { InteractiveMessageSchema } from '../interactive.ts'

function issues(input: unknown) {
  const result = safeParse(InteractiveMessageSchema, input, { abortEarly: false })
  return result.success ? [] : toValidationIssues(result.issues)
}
const reply = (id: unknown, title: unknown = 'Ya') => ({ type: 'reply', reply: { id, title } })
const buttons = (list: unknown[], overrides: Record<string, unknown> = {}) => ({
  to: '+628111111111',
  type: 'interactive',
  interactive: {
    type: 'button',
    body: { text: 'Konfirmasi pesanan?' },
    action: { buttons: list },
    ...overrides,
  },
})
const BUTTONS = 'interactive.action.buttons'

describe('interactive button', () => {
  test('1 and 3 buttons pass', () => {
    expect(issues(buttons([reply('yes')]))).toEqual([])
    expect(issues(buttons([reply('a'), reply('b'), reply('c')]))).toEqual([])
  })
  test('0 and 4 buttons fail', () => {
    expect(issues(buttons([]))).toEqual([
      { path: BUTTONS, message: 'must have at least 1 button (got 0)' },
    ])
    expect(issues(buttons([reply('a'), reply('b'), reply('c'), reply('d')]))).toEqual([
      { path: BUTTONS, message: 'must have at most 3 buttons (got 4)' },
    ])
  })
  test('title: 20 characters pass, 21 fail, empty fails', () => {
    expect(issues(buttons([reply('a', 'x'.repeat(20))]))).toEqual([])
    expect(issues(buttons([reply('a', 'x'.repeat(21))]))).toEqual([
      { path: `${BUTTONS}[0].reply.title`, message: 'must be at most 20 characters (got 21)' },
    ])
    expect(issues(buttons([reply('a', '')]))).toEqual([
      { path: `${BUTTONS}[0].reply.title`, message: 'must be at least 1 character (got 0)' },
    ])
  })
  test('id: 256 characters pass, 257 fail, empty fails', () => {
    expect(issues(buttons([reply('x'.repeat(256))]))).toEqual([])
    expect(issues(buttons([reply('x'.repeat(257))]))).toEqual([
      { path: `${BUTTONS}[0].reply.id`, message: 'must be at most 256 characters (got 257)' },
    ])
    expect(issues(buttons([reply('')]))).toEqual([
      { path: `${BUTTONS}[0].reply.id`, message: 'must be at least 1 character (got 0)' },
    ])
  })
  test('duplicate ids fail', () => {
    expect(issues(buttons([reply('yes'), reply('no'), reply('yes')]))).toEqual([
      {
        path: `${BUTTONS}[2].reply.id`,
        message: `duplicate button id "yes" (also at ${BUTTONS}[0].reply.id)`,
      },
    ])
  })
  test('duplicates and a count overflow are both reported', () => {
    expect(issues(buttons([reply('a'), reply('a'), reply('b'), reply('c')]))).toEqual([
      { path: BUTTONS, message: 'must have at most 3 buttons (got 4)' },
      {
        path: `${BUTTONS}[1].reply.id`,
        message: `duplicate button id "a" (also at ${BUTTONS}[0].reply.id)`,
      },
    ])
  })
  test('a button must be of type "reply"', () => {
    expect(issues(buttons([{ type: 'url', reply: { id: 'a', title: 'A' } }]))).toEqual([
      { path: `${BUTTONS}[0].type`, message: 'must be "reply" (got "url")' },
    ])
  })
  test('header (text or media) and footer are optional and checked', () => {
    expect(
      issues(
        buttons([reply('a')], {
          header: { type: 'image', image: { url: 'https://a.example/h.jpg' } },
          footer: { text: 'x'.repeat(60) },
        }),
      ),
    ).toEqual([])
    expect(issues(buttons([reply('a')], { footer: { text: 'x'.repeat(61) } }))).toEqual([
      { path: 'interactive.footer.text', message: 'must be at most 60 characters (got 61)' },
    ])
  })
  test('body: 1024 characters pass, 1025 fail', () => {
    expect(issues(buttons([reply('a')], { body: { text: 'x'.repeat(1024) } }))).toEqual([])
    expect(issues(buttons([reply('a')], { body: { text: 'x'.repeat(1025) } }))).toEqual([
      { path: 'interactive.body.text', message: 'must be at most 1024 characters (got 1025)' },
    ])
  })
})
