import { safeParse } from 'valibot'
import { describe, expect, test } from 'vitest'
import { toValidationIssues } from '../issues.ts'
import { TextMessageSchema } from './text.ts'

function issues(input: unknown) {
  const result = safeParse(TextMessageSchema, input, { abortEarly: false })
  return result.success ? [] : toValidationIssues(result.issues)
}
const body = (text: unknown) => ({ to: '+628111111111', type: 'text', text })

describe('text message', () => {
  test('text.body: 1 and 4096 characters pass', () => {
    expect(issues(body({ body: 'x' }))).toEqual([])
    expect(issues(body({ body: 'x'.repeat(4096) }))).toEqual([])
  })
  test('text.body: 4097 characters fail', () => {
    expect(issues(body({ body: 'x'.repeat(4097) }))).toEqual([
      { path: 'text.body', message: 'must be at most 4096 characters (got 4097)' },
    ])
  })
  test('text.body: empty fails', () => {
    expect(issues(body({ body: '' }))).toEqual([
      { path: 'text.body', message: 'must be at least 1 character (got 0)' },
    ])
  })
  test('text.body: whitespace only counts as characters', () => {
    expect(issues(body({ body: ' ' }))).toEqual([])
  })
  test('text.body counts code points: 4096 emoji pass, 4097 fail', () => {
    expect('😀'.repeat(4096).length).toBe(8192)
    expect(issues(body({ body: '😀'.repeat(4096) }))).toEqual([])
    expect(issues(body({ body: '😀'.repeat(4097) }))).toEqual([
      { path: 'text.body', message: 'must be at most 4096 characters (got 4097)' },
    ])
  })
  test('text.body is required and must be a string', () => {
    expect(issues(body({}))).toEqual([{ path: 'text.body', message: 'is required' }])
    expect(issues(body({ body: 42 }))).toEqual([
      { path: 'text.body', message: 'must be a string (got 42)' },
    ])
    expect(issues({ to: '+628111111111', type: 'text' })).toEqual([
      { path: 'text', message: 'is required' },
    ])
  })
  test('preview_url is an optional boolean', () => {
    expect(issues(body({ body: 'x', preview_url: true }))).toEqual([])
    expect(issues(body({ body: 'x', preview_url: 'yes' }))).toEqual([
      { path: 'text.preview_url', message: 'must be a boolean (got "yes")' },
    ])
  })
  test('an unknown field is an issue (catches typos)', () => {
    expect(issues(body({ body: 'x', preveiw_url: true }))).toEqual([
      { path: 'text.preveiw_url', message: 'unknown field' },
    ])
    expect(issues({ ...body({ body: 'x' }), image: { url: 'https://a.example/x.jpg' } })).toEqual([
      { path: 'image', message: 'unknown field' },
    ])
  })
})
