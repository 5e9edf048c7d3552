import { describe, expect, it } from 'vitest'
import { buildTemplates } from './build-templates.ts'
import { DEFAULT_TEMPLATES } from './seeds.ts'
import { bodyParameterCount, type Template } from './template.ts'

const withBody = (text: string | undefined): Template => ({
  id: 'tmpl_x',
  object: 'template',
  name: 'x',
  language: 'en',
  status: 'approved',
  category: 'UTILITY',
  components: text === undefined ? [] : [{ type: 'BODY', text }],
})

describe('bodyParameterCount', () => {
  it.each([
    [undefined, 0],
    ['No parameters', 0],
    ['Hi {{1}}', 1],
    ['Hi {{1}}, order {{2}}', 2],
    ['{{1}} and {{1}} again', 1],
    ['{{ 1 }} spaced, {{2}}', 2],
    ['{{1}} {{2}} {{3}} {{10}}', 4],
  ])('counts distinct placeholders in %j as %d', (text, count) => {
    expect(bodyParameterCount(withBody(text))).toBe(count)
  })
})

describe('default templates', () => {
  const templates = buildTemplates(undefined, Date.now())
  const byName = (name: string) => templates.find((t) => t.name === name)!

  it('hold the seeds of emulator.md', () => {
    expect(byName('order_confirmation')).toMatchObject({
      language: 'id_ID',
      status: 'approved',
      category: 'UTILITY',
    })
    expect(bodyParameterCount(byName('order_confirmation'))).toBe(2)
    expect(byName('reengagement')).toMatchObject({
      language: 'id_ID',
      status: 'approved',
      category: 'MARKETING',
    })
    expect(bodyParameterCount(byName('reengagement'))).toBe(0)
    expect(byName('otp_code')).toMatchObject({
      language: 'en_US',
      status: 'approved',
      category: 'AUTHENTICATION',
    })
    expect(bodyParameterCount(byName('otp_code'))).toBe(1)
    expect(byName('promo_paused').status).toBe('paused')
    expect(byName('old_promo').status).toBe('disabled')
    expect(byName('new_launch').status).toBe('pending')
  })

  it('add 40 generated ones, with unique name+language and tmpl_ ids', () => {
    expect(DEFAULT_TEMPLATES).toHaveLength(46)
    expect(new Set(templates.map((t) => `${t.name}/${t.language}`)).size).toBe(46)
    for (const t of templates) {
      expect(t.id).toMatch(/^tmpl_[0-9A-HJKMNP-TV-Z]{26}$/)
      expect(t.name).toMatch(/^[a-z0-9_]{1,512}$/)
    }
  })
})
