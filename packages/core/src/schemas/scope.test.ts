import { describe, expect, it } from 'vitest'
import { validate } from './parse.ts'
import { SCOPE_MESSAGE_TYPES, ScopeSchema } from './scope.ts'

describe('ScopeSchema', () => {
  it('returns a copy of a valid scope', () => {
    const input = {
      types: ['text', 'template'],
      recipients: ['+628111111111', '+62811*', '+*'],
      templates: ['otp_code'],
      maxSends: 0,
    }
    const scope = validate(ScopeSchema, input).output
    expect(scope).toEqual(input)
    expect(scope?.recipients).not.toBe(input.recipients)
    expect(validate(ScopeSchema, {}).output).toEqual({})
  })

  it('allows every type of the send schema, and only those', () => {
    expect(SCOPE_MESSAGE_TYPES).toEqual([
      'text',
      'template',
      'image',
      'document',
      'video',
      'audio',
      'interactive',
    ])
  })

  it.each([
    [null, '', 'must be an object'],
    [[], '', 'must be an object'],
    ['text', '', 'must be an object'],
    [{ recipient: ['+62811*'] }, 'recipient', 'is not a scope field'],
    [{ types: 'text' }, 'types', 'must be an array'],
    [{ types: ['sms'] }, 'types[0]', 'must be one of "text", "template"'],
    [{ recipients: ['0811'] }, 'recipients[0]', 'E.164'],
    [{ recipients: ['+0811'] }, 'recipients[0]', 'E.164'],
    [{ recipients: ['+62811*1'] }, 'recipients[0]', 'E.164'],
    [{ recipients: ['*'] }, 'recipients[0]', 'E.164'],
    [{ recipients: ['+62 811*'] }, 'recipients[0]', 'E.164'],
    [{ recipients: ['+1234567890123456'] }, 'recipients[0]', 'E.164'],
    [{ recipients: ['+628111111111', 5] }, 'recipients[1]', 'must be a string'],
    [{ senders: ['+62811*'] }, 'senders[0]', 'E.164'],
    [{ senders: '+628511760008029' }, 'senders', 'must be an array'],
    [{ templates: ['OTP'] }, 'templates[0]', 'lowercase letters, digits or underscores'],
    [{ templates: [''] }, 'templates[0]', 'lowercase letters, digits or underscores'],
    [{ maxSends: -1 }, 'maxSends', 'a whole number of 0 or more'],
    [{ maxSends: 1.5 }, 'maxSends', 'a whole number of 0 or more'],
    [{ maxSends: '3' }, 'maxSends', 'must be a number'],
    [{ maxSends: Number.POSITIVE_INFINITY }, 'maxSends', 'a whole number of 0 or more'],
  ])('refuses %j at %s', (input, path, rule) => {
    const { issues } = validate(ScopeSchema, input)
    expect(issues).toEqual([{ path, message: expect.stringContaining(rule) }])
  })

  it('lists every broken field, not only the first', () => {
    expect(
      validate(ScopeSchema, { recipient: [], types: ['sms'], maxSends: -1 }).issues.map(
        (issue) => issue.path,
      ),
    ).toEqual(['types[0]', 'maxSends', 'recipient'])
  })

  it('accepts the longest E.164 number (15 digits) and prefix (14 digits then *)', () => {
    expect(
      validate(ScopeSchema, { recipients: ['+123456789012345', '+12345678901234*'] }).issues,
    ).toEqual([])
    expect(validate(ScopeSchema, { recipients: ['+123456789012345*'] }).issues).toHaveLength(1)
  })
})
