import { describe, expect, it } from 'vitest'
import { metaNumericId, wamid } from './wamid.ts'

describe('wamid', () => {
  it('looks like Meta ids: wamid. + base64 framing the recipient digits', () => {
    const id = wamid('+628111111111')
    expect(id).toMatch(/^wamid\.[A-Za-z0-9+/]+=*$/)
    expect(atob(id.slice('wamid.'.length))).toContain('628111111111')
  })

  it('differs on every call', () => {
    expect(wamid('+628111111111')).not.toBe(wamid('+628111111111'))
  })
})

describe('metaNumericId', () => {
  it('is 15 digits', () => {
    expect(metaNumericId()).toMatch(/^1\d{14}$/)
  })
})
