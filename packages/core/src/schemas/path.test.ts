import { describe, expect, test } from 'vitest'
import { formatPath, isRecord, pathTo } from './path.ts'

describe('formatPath', () => {
  test('dots between names, brackets around indexes', () => {
    expect(formatPath(['interactive', 'action', 'sections', 0, 'rows', 3, 'title'])).toBe(
      'interactive.action.sections[0].rows[3].title',
    )
    expect(formatPath([])).toBe('')
    expect(formatPath([2, 'id'])).toBe('[2].id')
  })
  test('quotes keys that are not identifiers', () => {
    expect(formatPath(['headers', 'x-request-id'])).toBe('headers["x-request-id"]')
    expect(formatPath(['a b'])).toBe('["a b"]')
  })
})

describe('pathTo', () => {
  test('builds array and object path items with their values', () => {
    const root = { sections: [{ rows: [{ id: 'a' }] }] }
    const path = pathTo(root, ['sections', 0, 'rows', 0, 'id'])
    expect(path.map((item) => [item.type, item.key])).toEqual([
      ['object', 'sections'],
      ['array', 0],
      ['object', 'rows'],
      ['array', 0],
      ['object', 'id'],
    ])
    expect(path[4]!.value).toBe('a')
    expect(path[0].input).toBe(root)
  })
})

test('isRecord', () => {
  expect(isRecord({})).toBe(true)
  expect(isRecord([])).toBe(false)
  expect(isRecord(null)).toBe(false)
  expect(isRecord('x')).toBe(false)
})
