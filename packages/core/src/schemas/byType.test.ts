import { literal, looseObject, safeParse, string } from 'valibot'
import { describe, expect, test } from 'vitest'
import { byType } from './byType.ts'
import { toValidationIssues } from './issues.ts'
import { strict } from './strict.ts'

const Text = strict({ type: literal('text'), text: string() })
const Image = looseObject({ type: literal('image'), url: string() })
const Schema = byType([Text, Image])

const issues = (input: unknown) => {
  const result = safeParse(Schema, input, { abortEarly: false })
  return result.success ? [] : toValidationIssues(result.issues)
}

describe('byType', () => {
  test('picks the option by `type` and returns its output', () => {
    expect(safeParse(Schema, { type: 'text', text: 'a' }).output).toEqual({
      type: 'text',
      text: 'a',
    })
    expect(safeParse(Schema, { type: 'image', url: 'u', extra: 1 }).output).toEqual({
      type: 'image',
      url: 'u',
      extra: 1,
    })
  })
  test("reports the chosen option's own issues only", () => {
    expect(issues({ type: 'text', url: 'u' })).toEqual([
      { path: 'text', message: 'is required' },
      { path: 'url', message: 'unknown field' },
    ])
  })
  test('names every known type when `type` is unknown, missing, or not a string', () => {
    expect(issues({ type: 'video' })).toEqual([
      { path: 'type', message: 'must be one of "text", "image" (got "video")' },
    ])
    expect(issues({})).toEqual([{ path: 'type', message: 'is required (one of "text", "image")' }])
    expect(issues({ type: 5 })).toEqual([
      { path: 'type', message: 'must be one of "text", "image" (got 5)' },
    ])
    // Keys of Object.prototype are not types.
    expect(issues({ type: 'constructor' })).toHaveLength(1)
  })
  test('a value that is not an object', () => {
    expect(issues(null)).toEqual([{ path: '', message: 'must be an object (got null)' }])
    expect(issues('text')).toEqual([{ path: '', message: 'must be an object (got "text")' }])
  })
  test("keeps valibot's variant shape: key and options", () => {
    expect(Schema.type).toBe('variant')
    expect(Schema.key).toBe('type')
    expect(Schema.options).toEqual([Text, Image])
  })
  test('works through the Standard Schema interface', async () => {
    const valid = await Schema['~standard'].validate({ type: 'text', text: 'a' })
    expect(valid).toMatchObject({ value: { type: 'text', text: 'a' } })
    expect(valid.issues).toBeUndefined()
    const invalid = await Schema['~standard'].validate({ type: 'video' })
    expect(invalid.issues).toHaveLength(1)
  })
})
