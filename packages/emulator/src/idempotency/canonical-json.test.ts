import { describe, expect, it } from 'vitest'
import { canonicalJson } from './canonical-json.ts'

describe('canonicalJson', () => {
  it('sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [{ f: 1, e: 2 }] } })).toBe(
      '{"a":{"c":[{"e":2,"f":1}],"d":2},"b":1}',
    )
  })

  it('makes bodies that differ only in key order or whitespace equal', () => {
    const a = JSON.parse('{"to":"+628111111111","type":"text","text":{"body":"Halo"}}')
    const b = JSON.parse('{ "text": { "body": "Halo" },\n "type": "text", "to": "+628111111111" }')
    expect(canonicalJson(a)).toBe(canonicalJson(b))
  })

  it('keeps array order and tells different values apart', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]))
    expect(canonicalJson({ a: '1' })).not.toBe(canonicalJson({ a: 1 }))
    expect(canonicalJson({ a: null })).not.toBe(canonicalJson({}))
    expect(canonicalJson({ body: 'Halo' })).not.toBe(canonicalJson({ body: 'Halo!' }))
  })

  it('escapes keys and strings like JSON', () => {
    expect(canonicalJson({ 'a"b': 'x\ny' })).toBe('{"a\\"b":"x\\ny"}')
  })

  it('renders scalars', () => {
    expect(canonicalJson(null)).toBe('null')
    expect(canonicalJson(true)).toBe('true')
    expect(canonicalJson(1.5)).toBe('1.5')
    expect(canonicalJson('s')).toBe('"s"')
  })
})
