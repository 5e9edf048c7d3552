import { safeParse } from 'valibot'
import { describe, expect, test } from 'vitest'
import { toValidationIssues } from './issues.ts'
import { MeSchema } from './me.ts'

const me = {
  organization: { id: 'org_01', object: 'organization', name: 'Toko Maju' },
  api_key: { id: 'key_01', object: 'api_key', label: 'server', last4: 'AbCd' },
  rate_limits: { tier: 'free', write_per_minute: 60, read_per_minute: 600 },
}

describe('MeSchema', () => {
  test('the documented shape parses, unknown fields and tiers kept', () => {
    const input = { ...me, rate_limits: { ...me.rate_limits, tier: 'enterprise' }, numbers: [] }
    expect(safeParse(MeSchema, input).output).toEqual(input)
    expect(safeParse(MeSchema, { ...me, api_key: { ...me.api_key, label: null } }).success).toBe(
      true,
    )
  })
  test('rejects contract breaks', () => {
    const result = safeParse(
      MeSchema,
      { ...me, rate_limits: { tier: 'free', write_per_minute: '60' } },
      { abortEarly: false },
    )
    expect(toValidationIssues(result.issues ?? [])).toEqual([
      { path: 'rate_limits.write_per_minute', message: 'must be a number (got "60")' },
      { path: 'rate_limits.read_per_minute', message: 'is required' },
    ])
  })
})
