import { safeParse } from 'valibot'
import { describe, expect, test } from 'vitest'
import { toValidationIssues } from '../../issues.ts'
import { InteractiveMessageSchema } from '../interactive.ts'

function issues(input: unknown) {
  const result = safeParse(InteractiveMessageSchema, input, { abortEarly: false })
  return result.success ? [] : toValidationIssues(result.issues)
}

type Row = Record<string, unknown>
type Section = { title?: unknown; rows: Row[] }
const rows = (n: number, prefix = 'r'): Row[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, title: `Row ${i}` }))
const list = (
  sections: Section[],
  overrides: Record<string, unknown> = {},
  action: Record<string, unknown> = {},
) => ({
  to: '+628111111111',
  type: 'interactive',
  interactive: {
    type: 'list',
    body: { text: 'Layanan apa yang Anda butuhkan?' },
    action: { button: 'Lihat opsi', sections, ...action },
    ...overrides,
  },
})
const ROWS = 'interactive.action.sections'

describe('interactive list: rows', () => {
  test('10 rows in total pass, in one section or across several', () => {
    expect(issues(list([{ rows: rows(10) }]))).toEqual([])
    expect(
      issues(
        list([
          { title: 'A', rows: rows(4, 'a') },
          { title: 'B', rows: rows(6, 'b') },
        ]),
      ),
    ).toEqual([])
  })
  test('11 rows in total fail, in one section or across several', () => {
    const message = 'must have at most 10 rows in total across sections (got 11)'
    expect(issues(list([{ rows: rows(11) }]))).toEqual([{ path: ROWS, message }])
    expect(
      issues(
        list([
          { title: 'A', rows: rows(5, 'a') },
          { title: 'B', rows: rows(6, 'b') },
        ]),
      ),
    ).toEqual([{ path: ROWS, message }])
  })
  test('no row at all fails', () => {
    expect(issues(list([{ rows: [] }]))).toEqual([
      { path: ROWS, message: 'must have at least 1 row in total (got 0)' },
    ])
  })
  test('row title: 24 characters pass, 25 fail, empty fails', () => {
    expect(issues(list([{ rows: [{ id: 'a', title: 'x'.repeat(24) }] }]))).toEqual([])
    expect(issues(list([{ rows: [...rows(3), { id: 'a', title: 'x'.repeat(25) }] }]))).toEqual([
      { path: `${ROWS}[0].rows[3].title`, message: 'must be at most 24 characters (got 25)' },
    ])
    expect(issues(list([{ rows: [{ id: 'a', title: '' }] }]))).toEqual([
      { path: `${ROWS}[0].rows[0].title`, message: 'must be at least 1 character (got 0)' },
    ])
  })
  test('row description: 72 characters pass, 73 fail', () => {
    expect(
      issues(list([{ rows: [{ id: 'a', title: 't', description: 'x'.repeat(72) }] }])),
    ).toEqual([])
    expect(
      issues(list([{ rows: [{ id: 'a', title: 't', description: 'x'.repeat(73) }] }])),
    ).toEqual([
      { path: `${ROWS}[0].rows[0].description`, message: 'must be at most 72 characters (got 73)' },
    ])
  })
  test('row id: 200 characters pass, 201 fail, empty fails', () => {
    expect(issues(list([{ rows: [{ id: 'x'.repeat(200), title: 't' }] }]))).toEqual([])
    expect(issues(list([{ rows: [{ id: 'x'.repeat(201), title: 't' }] }]))).toEqual([
      { path: `${ROWS}[0].rows[0].id`, message: 'must be at most 200 characters (got 201)' },
    ])
    expect(issues(list([{ rows: [{ id: '', title: 't' }] }]))).toEqual([
      { path: `${ROWS}[0].rows[0].id`, message: 'must be at least 1 character (got 0)' },
    ])
  })
  test('duplicate row ids fail, within a section and across sections', () => {
    expect(
      issues(
        list([
          {
            rows: [
              { id: 'billing', title: 'A' },
              { id: 'billing', title: 'B' },
            ],
          },
        ]),
      ),
    ).toEqual([
      {
        path: `${ROWS}[0].rows[1].id`,
        message: `duplicate row id "billing" (also at ${ROWS}[0].rows[0].id)`,
      },
    ])
    expect(
      issues(
        list([
          {
            title: 'Bantuan',
            rows: [
              { id: 'billing', title: 'Tagihan' },
              { id: 'tech', title: 'Teknis' },
            ],
          },
          {
            title: 'Lainnya',
            rows: [
              { id: 'other', title: 'Lain' },
              { id: 'billing', title: 'Lagi' },
            ],
          },
        ]),
      ),
    ).toEqual([
      {
        path: `${ROWS}[1].rows[1].id`,
        message: `duplicate row id "billing" (also at ${ROWS}[0].rows[0].id)`,
      },
    ])
  })
  test('a row needs an id and a title; a typo is an unknown field', () => {
    expect(issues(list([{ rows: [{ titel: 't' }] }]))).toEqual([
      { path: `${ROWS}[0].rows[0].id`, message: 'is required' },
      { path: `${ROWS}[0].rows[0].title`, message: 'is required' },
      { path: `${ROWS}[0].rows[0].titel`, message: 'unknown field' },
    ])
  })
})

describe('interactive list: sections', () => {
  test('10 sections pass, 11 fail, none fails', () => {
    const sections = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ title: `S${i}`, rows: [{ id: `r${i}`, title: 't' }] }))
    expect(issues(list(sections(10)))).toEqual([])
    expect(issues(list(sections(11)))).toEqual([
      { path: ROWS, message: 'must have at most 10 sections (got 11)' },
      { path: ROWS, message: 'must have at most 10 rows in total across sections (got 11)' },
    ])
    expect(issues(list([]))).toEqual([
      { path: ROWS, message: 'must have at least 1 section (got 0)' },
    ])
  })
  test('section title: 24 characters pass, 25 fail', () => {
    expect(issues(list([{ title: 'x'.repeat(24), rows: rows(1) }]))).toEqual([])
    expect(issues(list([{ title: 'x'.repeat(25), rows: rows(1) }]))).toEqual([
      { path: `${ROWS}[0].title`, message: 'must be at most 24 characters (got 25)' },
    ])
  })
  test('section title is optional with one section, required with two or more', () => {
    expect(issues(list([{ rows: rows(2) }]))).toEqual([])
    expect(issues(list([{ title: 'A', rows: rows(1, 'a') }, { rows: rows(1, 'b') }]))).toEqual([
      { path: `${ROWS}[1].title`, message: 'is required when a list has 2 or more sections' },
    ])
    expect(issues(list([{ rows: rows(1, 'a') }, { rows: rows(1, 'b') }]))).toEqual([
      { path: `${ROWS}[0].title`, message: 'is required when a list has 2 or more sections' },
      { path: `${ROWS}[1].title`, message: 'is required when a list has 2 or more sections' },
    ])
  })
})

describe('interactive list: button, header, body, footer', () => {
  test('button: 20 characters pass, 21 fail, empty fails', () => {
    expect(issues(list([{ rows: rows(1) }], {}, { button: 'x'.repeat(20) }))).toEqual([])
    expect(issues(list([{ rows: rows(1) }], {}, { button: 'x'.repeat(21) }))).toEqual([
      { path: 'interactive.action.button', message: 'must be at most 20 characters (got 21)' },
    ])
    expect(issues(list([{ rows: rows(1) }], {}, { button: '' }))).toEqual([
      { path: 'interactive.action.button', message: 'must be at least 1 character (got 0)' },
    ])
  })
  test('header text and footer: 60 characters pass, 61 fail', () => {
    const ok = { header: { type: 'text', text: 'x'.repeat(60) }, footer: { text: 'x'.repeat(60) } }
    expect(issues(list([{ rows: rows(1) }], ok))).toEqual([])
    const long = {
      header: { type: 'text', text: 'x'.repeat(61) },
      footer: { text: 'x'.repeat(61) },
    }
    expect(issues(list([{ rows: rows(1) }], long))).toEqual([
      { path: 'interactive.header.text', message: 'must be at most 60 characters (got 61)' },
      { path: 'interactive.footer.text', message: 'must be at most 60 characters (got 61)' },
    ])
  })
  test('a list header is text only', () => {
    const header = { type: 'image', image: { url: 'https://a.example/h.jpg' } }
    expect(issues(list([{ rows: rows(1) }], { header }))).toEqual([
      { path: 'interactive.header.type', message: 'must be "text" (got "image")' },
      { path: 'interactive.header.text', message: 'is required' },
      { path: 'interactive.header.image', message: 'unknown field' },
    ])
  })
  test('body: 1024 characters pass, 1025 fail', () => {
    expect(issues(list([{ rows: rows(1) }], { body: { text: 'x'.repeat(1024) } }))).toEqual([])
    expect(issues(list([{ rows: rows(1) }], { body: { text: 'x'.repeat(1025) } }))).toEqual([
      { path: 'interactive.body.text', message: 'must be at most 1024 characters (got 1025)' },
    ])
  })
})

describe('interactive list: every issue at once', () => {
  test('cross-section rules still run when a row has its own issue', () => {
    const input = list(
      [
        { title: 'A', rows: [{ id: 'billing', title: 'x'.repeat(25) }, ...rows(5, 'a')] },
        { rows: [{ id: 'billing', title: 'ok' }, ...rows(4, 'b')] },
      ],
      {},
      { button: 'x'.repeat(21) },
    )
    expect(issues(input)).toEqual([
      { path: 'interactive.action.button', message: 'must be at most 20 characters (got 21)' },
      { path: `${ROWS}[0].rows[0].title`, message: 'must be at most 24 characters (got 25)' },
      { path: `${ROWS}[1].title`, message: 'is required when a list has 2 or more sections' },
      {
        path: `${ROWS}[1].rows[0].id`,
        message: `duplicate row id "billing" (also at ${ROWS}[0].rows[0].id)`,
      },
      { path: ROWS, message: 'must have at most 10 rows in total across sections (got 11)' },
    ])
  })
  test('garbage in the action does not crash the cross-section rules', () => {
    expect(issues(list([null as unknown as Section, { rows: 'x' as unknown as Row[] }]))).toEqual([
      { path: `${ROWS}[0]`, message: 'must be an object (got null)' },
      { path: `${ROWS}[1].rows`, message: 'must be an array (got "x")' },
      { path: `${ROWS}[1].title`, message: 'is required when a list has 2 or more sections' },
      { path: ROWS, message: 'must have at least 1 row in total (got 0)' },
    ])
    expect(issues(list('nope' as unknown as Section[]))).toEqual([
      { path: ROWS, message: 'must be an array (got "nope")' },
    ])
  })
})
