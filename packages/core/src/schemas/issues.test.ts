import { array, literal, object, picklist, safeParse, strictObject, string } from 'valibot'
import { describe, expect, test } from 'vitest'
import { toValidationIssues } from './issues.ts'

function issues(schema: Parameters<typeof safeParse>[0], input: unknown) {
  const result = safeParse(schema, input, { abortEarly: false })
  return result.success ? [] : toValidationIssues(result.issues)
}

describe('toValidationIssues', () => {
  test('paths: dots between names, indexes in brackets', () => {
    const schema = object({ sections: array(object({ rows: array(object({ title: string() })) })) })
    expect(issues(schema, { sections: [{ rows: [{ title: 'a' }, { title: 1 }] }] })).toEqual([
      { path: 'sections[0].rows[1].title', message: 'must be a string (got 1)' },
    ])
  })
  test('missing and unknown keys', () => {
    expect(issues(strictObject({ a: string() }), { b: 1 })).toEqual([
      { path: 'a', message: 'is required' },
      { path: 'b', message: 'unknown field' },
    ])
  })
  test('an explicit undefined is "is required"', () => {
    expect(issues(object({ a: string() }), { a: undefined })).toEqual([
      { path: 'a', message: 'is required' },
    ])
  })
  test('enums and literals name the allowed values and what was got', () => {
    expect(issues(picklist(['a', 'b']), 'c')).toEqual([
      { path: '', message: 'must be one of "a", "b" (got "c")' },
    ])
    expect(issues(literal('a'), 5)).toEqual([{ path: '', message: 'must be "a" (got 5)' }])
  })
  test('type names read as words', () => {
    expect(issues(array(string()), {})).toEqual([
      { path: '', message: 'must be an array (got an object)' },
    ])
    expect(issues(object({}), 'x')).toEqual([{ path: '', message: 'must be an object (got "x")' }])
    expect(issues(object({ a: string() }), { a: null })).toEqual([
      { path: 'a', message: 'must be a string (got null)' },
    ])
  })
  test('messages a rule sets itself are kept as they are', () => {
    const schema = object({ a: string('custom words') })
    expect(issues(schema, { a: 1 })).toEqual([{ path: 'a', message: 'custom words' }])
  })
  test('an empty list gives an empty list', () => {
    expect(toValidationIssues([])).toEqual([])
  })
})
