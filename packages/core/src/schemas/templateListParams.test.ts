import { safeParse } from 'valibot'
import { describe, expect, test } from 'vitest'
import { toValidationIssues } from './issues.ts'
import { TemplateListParamsSchema } from './templateListParams.ts'

function issues(input: unknown) {
  const result = safeParse(TemplateListParamsSchema, input, { abortEarly: false })
  return result.success ? [] : toValidationIssues(result.issues)
}

describe('TemplateListParamsSchema', () => {
  test('every filter is optional', () => {
    expect(issues({})).toEqual([])
    expect(
      issues({ status: 'approved', language: 'id_ID', name: 'order', limit: 25, cursor: 'abc' }),
    ).toEqual([])
  })
  test('limit: 1 and 100 pass; 0, 101 and 2.5 fail', () => {
    expect(issues({ limit: 1 })).toEqual([])
    expect(issues({ limit: 100 })).toEqual([])
    for (const limit of [0, 101, 2.5]) {
      expect(issues({ limit })).toEqual([
        { path: 'limit', message: `must be an integer from 1 to 100 (got ${limit})` },
      ])
    }
    expect(issues({ limit: '10' })).toEqual([
      { path: 'limit', message: 'must be a number (got "10")' },
    ])
  })
  test('status is one of the documented statuses', () => {
    expect(issues({ status: 'aproved' })).toEqual([
      {
        path: 'status',
        message:
          'must be one of "approved", "pending", "rejected", "paused", "disabled" (got "aproved")',
      },
    ])
  })
  test('language is a language code; cursor and name are non-empty', () => {
    expect(issues({ language: 'en-US', cursor: '', name: '' })).toEqual([
      {
        path: 'language',
        message: 'must be a language code like "en", "en_US" or "id_ID" (got "en-US")',
      },
      { path: 'name', message: 'must be at least 1 character (got 0)' },
      { path: 'cursor', message: 'must be at least 1 character (got 0)' },
    ])
  })
  test('an unknown parameter is an issue', () => {
    expect(issues({ page: 2 })).toEqual([{ path: 'page', message: 'unknown field' }])
  })
})
