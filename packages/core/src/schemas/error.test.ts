import { safeParse } from 'valibot'
import { describe, expect, test } from 'vitest'
import { ApiErrorBodySchema } from './error.ts'
import { toValidationIssues } from './issues.ts'

describe('ApiErrorBodySchema', () => {
  test('a documented error body parses, unknown fields kept', () => {
    const body = {
      error: {
        type: 'invalid_request_error',
        code: 'missing_required_field',
        message: 'to is required',
        param: 'to',
        request_id: 'req_01',
        doc_url: 'https://docs.example/errors',
      },
    }
    expect(safeParse(ApiErrorBodySchema, body).output).toEqual(body)
  })
  test('param and request_id are optional; param may be null', () => {
    expect(
      safeParse(ApiErrorBodySchema, { error: { type: 't', code: 'c', message: 'm' } }).success,
    ).toBe(true)
    expect(
      safeParse(ApiErrorBodySchema, { error: { type: 't', code: 'c', message: 'm', param: null } })
        .success,
    ).toBe(true)
  })
  test('rejects a body without a code', () => {
    const result = safeParse(
      ApiErrorBodySchema,
      { error: { type: 't', message: 'm' } },
      { abortEarly: false },
    )
    expect(toValidationIssues(result.issues ?? [])).toEqual([
      { path: 'error.code', message: 'is required' },
    ])
    expect(safeParse(ApiErrorBodySchema, '<html>502</html>').success).toBe(false)
  })
})
