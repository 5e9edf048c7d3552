import { optional, safeParse, string } from 'valibot'
import { describe, expect, test } from 'vitest'
import { toValidationIssues } from './issues.ts'
import { strict } from './strict.ts'

const Schema = strict({ url: string(), caption: optional(string()) })

describe('strict', () => {
  test('accepts the known keys and copies them', () => {
    const input = { url: 'u', caption: 'c' }
    const result = safeParse(Schema, input)
    expect(result.success).toBe(true)
    expect(result.output).toEqual(input)
  })
  test('reports every unknown key, not only the first', () => {
    const result = safeParse(Schema, { url: 'u', captoin: 'c', foo: 1, bar: 2 })
    expect(toValidationIssues(result.issues ?? [])).toEqual([
      { path: 'captoin', message: 'unknown field' },
      { path: 'foo', message: 'unknown field' },
      { path: 'bar', message: 'unknown field' },
    ])
    expect(result.issues?.map((issue) => issue.input)).toEqual(['captoin', 'foo', 'bar'])
  })
  test('reports missing keys and type errors beside unknown keys', () => {
    const result = safeParse(Schema, { caption: 1, extra: true })
    expect(toValidationIssues(result.issues ?? [])).toEqual([
      { path: 'url', message: 'is required' },
      { path: 'caption', message: 'must be a string (got 1)' },
      { path: 'extra', message: 'unknown field' },
    ])
  })
  test('refuses an array, which valibot would take for an object', () => {
    const result = safeParse(Schema, [])
    expect(toValidationIssues(result.issues ?? [])).toEqual([
      { path: '', message: 'must be an object (got an array)' },
    ])
  })
  test('words an unknown key as asked', () => {
    const Named = strict({ url: string() }, 'is not a field here')
    const result = safeParse(Named, { url: 'u', captoin: 'c' })
    expect(toValidationIssues(result.issues ?? [])).toEqual([
      { path: 'captoin', message: 'is not a field here' },
    ])
  })
  test('with abortEarly, stops at the first issue as valibot does', () => {
    const result = safeParse(Schema, { url: 'u', a: 1, b: 2 }, { abortEarly: true })
    expect(result.issues).toHaveLength(1)
  })
  test('works through the Standard Schema interface too', async () => {
    const result = await Schema['~standard'].validate({ url: 'u', a: 1, b: 2 })
    expect(result.issues).toHaveLength(2)
  })
})
