import { number, object, safeParse } from 'valibot'
import { describe, expect, test } from 'vitest'
import { dataEnvelope, listEnvelope } from './envelope.ts'
import { toValidationIssues } from './issues.ts'

const Item = object({ n: number() })
function issues(schema: Parameters<typeof safeParse>[0], input: unknown) {
  const result = safeParse(schema, input, { abortEarly: false })
  return result.success ? [] : toValidationIssues(result.issues)
}

describe('dataEnvelope', () => {
  test('{ data, request_id }, unknown fields kept', () => {
    const input = { data: { n: 1 }, request_id: 'req_1', meta: { x: 1 } }
    expect(safeParse(dataEnvelope(Item), input).output).toEqual(input)
  })
  test('issues inside data carry the data path', () => {
    expect(issues(dataEnvelope(Item), { data: { n: 'x' } })).toEqual([
      { path: 'data.n', message: 'must be a number (got "x")' },
      { path: 'request_id', message: 'is required' },
    ])
  })
})

describe('listEnvelope', () => {
  test('{ data: [...], has_more, next_cursor, request_id }', () => {
    expect(
      issues(listEnvelope(Item), {
        data: [{ n: 1 }],
        has_more: true,
        next_cursor: 'c',
        request_id: 'r',
      }),
    ).toEqual([])
    expect(
      issues(listEnvelope(Item), { data: [], has_more: false, next_cursor: null, request_id: 'r' }),
    ).toEqual([])
  })
  test('rejects a broken page', () => {
    expect(
      issues(listEnvelope(Item), { data: [{ n: 1 }, {}], has_more: 'no', request_id: 'r' }),
    ).toEqual([
      { path: 'data[1].n', message: 'is required' },
      { path: 'has_more', message: 'must be a boolean (got "no")' },
      { path: 'next_cursor', message: 'is required' },
    ])
  })
})
