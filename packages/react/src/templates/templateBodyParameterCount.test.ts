import { describe, expect, test } from 'vitest'
import { templateBodyParameterCount } from './templateBodyParameterCount.ts'

const withBody = (text: string | undefined, type = 'BODY') => ({
  components: [
    { type: 'HEADER' as const, format: 'TEXT' as const, text: 'Order {{1}}' },
    { type, ...(text === undefined ? {} : { text }) },
    { type: 'BUTTONS' as const, buttons: [{ type: 'URL' as const, text: 'Open {{1}}' }] },
  ],
})

describe('templateBodyParameterCount', () => {
  test('counts the distinct {{n}} of the BODY text only', () => {
    expect(templateBodyParameterCount(withBody('Halo {{1}}, pesanan {{2}} sudah dikirim.'))).toBe(2)
    expect(
      templateBodyParameterCount(withBody('{{1}} and {{1}} again, then {{2}} and {{3}}')),
    ).toBe(3)
    expect(templateBodyParameterCount(withBody('{{10}} {{9}}'))).toBe(2)
  })

  test('is 0 without placeholders, without body text or without a body', () => {
    expect(templateBodyParameterCount(withBody('Halo! Ada yang bisa kami bantu?'))).toBe(0)
    expect(templateBodyParameterCount(withBody(undefined))).toBe(0)
    expect(templateBodyParameterCount({ components: [] })).toBe(0)
  })

  test('ignores what is not a positional placeholder', () => {
    expect(templateBodyParameterCount(withBody('{{name}} {{ 1 }} {1} {{}} {{-1}}'))).toBe(0)
  })

  test('accepts the component type in any case', () => {
    expect(templateBodyParameterCount(withBody('{{1}}', 'body'))).toBe(1)
  })
})
