import { safeParse } from 'valibot'
import { describe, expect, test } from 'vitest'
import { toValidationIssues } from './issues.ts'
import { TokenResponseSchema } from './token.ts'

function issues(input: unknown) {
  const result = safeParse(TokenResponseSchema, input, { abortEarly: false })
  return result.success ? [] : toValidationIssues(result.issues)
}

describe('TokenResponseSchema', () => {
  test('{ token, expiresIn } parses, unknown fields kept', () => {
    const input = { token: 'eyJhbGciOiJIUzI1NiJ9.e30.x', expiresIn: 300, scope: {} }
    expect(safeParse(TokenResponseSchema, input).output).toEqual(input)
    expect(issues({ token: 't', expiresIn: 0.5 })).toEqual([])
  })
  test('expiresIn must be a positive, finite number of seconds', () => {
    for (const expiresIn of [0, -1, Number.POSITIVE_INFINITY]) {
      expect(issues({ token: 't', expiresIn })).toEqual([
        { path: 'expiresIn', message: `must be a positive number of seconds (got ${expiresIn})` },
      ])
    }
    expect(issues({ token: 't', expiresIn: Number.NaN })).toEqual([
      { path: 'expiresIn', message: 'must be a number (got NaN)' },
    ])
    expect(issues({ token: 't', expiresIn: '300' })).toEqual([
      { path: 'expiresIn', message: 'must be a number (got "300")' },
    ])
  })
  test('token must fit a header: non-empty visible ASCII, never quoted back', () => {
    const rule = 'must be visible ASCII characters without spaces, to fit a header'
    for (const token of ['', 'has space', 'tøken', 'line\nbreak']) {
      expect(issues({ token, expiresIn: 300 })).toEqual([{ path: 'token', message: rule }])
    }
    expect(issues({ token: 'x', expiresIn: 300 })).toEqual([])
    expect(issues({ token: 5, expiresIn: 300 })).toEqual([
      { path: 'token', message: 'must be a string (got 5)' },
    ])
    expect(issues({ expiresIn: 300 })).toEqual([{ path: 'token', message: 'is required' }])
  })
})
