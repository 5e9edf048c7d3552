import { safeParse } from 'valibot'
import { describe, expect, test } from 'vitest'
import { listEnvelope } from './envelope.ts'
import { toValidationIssues } from './issues.ts'
import { TemplateSchema } from './template.ts'

const template = {
  id: 'tmpl_01HXYZABCDEFGHJKMNPQRSTVWX',
  object: 'template',
  name: 'order_confirmation',
  language: 'id_ID',
  status: 'approved',
  category: 'UTILITY',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Pesanan {{1}}' },
    { type: 'BODY', text: 'Halo {{1}}, pesanan {{2}} diterima.' },
    { type: 'FOOTER', text: 'Kirim' },
    {
      type: 'BUTTONS',
      buttons: [
        { type: 'QUICK_REPLY', text: 'Berhenti' },
        { type: 'URL', text: 'Lacak', url: 'https://a.example/{{1}}' },
      ],
    },
  ],
}
function issues(input: unknown) {
  const result = safeParse(TemplateSchema, input, { abortEarly: false })
  return result.success ? [] : toValidationIssues(result.issues)
}

describe('TemplateSchema', () => {
  test('a documented template parses and keeps every field', () => {
    const input = { ...template, quality_score: 'GREEN' }
    const result = safeParse(TemplateSchema, input)
    expect(result.issues).toBeUndefined()
    expect(result.output).toEqual(input)
  })
  test('status, category and component types added later do not crash the SDK', () => {
    expect(
      issues({
        ...template,
        status: 'in_appeal',
        category: 'MARKETING_LITE',
        components: [
          { type: 'CAROUSEL', cards: [] },
          { type: 'HEADER', format: 'PRODUCT' },
        ],
      }),
    ).toEqual([])
  })
  test('rejects contract breaks', () => {
    const { id: _, ...noId } = template
    expect(issues(noId)).toEqual([{ path: 'id', message: 'is required' }])
    expect(issues({ ...template, status: 3 })).toEqual([
      { path: 'status', message: 'must be a string (got 3)' },
    ])
    expect(issues({ ...template, object: 'message' })).toEqual([
      { path: 'object', message: 'must be "template" (got "message")' },
    ])
    expect(issues({ ...template, components: [{ text: 'x' }] })).toEqual([
      { path: 'components[0].type', message: 'is required' },
    ])
  })
  test('a page of templates', () => {
    const page = { data: [template], has_more: true, next_cursor: 'c_abc', request_id: 'req_1' }
    expect(safeParse(listEnvelope(TemplateSchema), page).success).toBe(true)
    const last = { data: [], has_more: false, next_cursor: null, request_id: 'req_2' }
    expect(safeParse(listEnvelope(TemplateSchema), last).success).toBe(true)
  })
})
