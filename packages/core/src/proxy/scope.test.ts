import { describe, expect, it } from 'vitest'
import { checkScope, parseScope, recipientAllowed, ScopeError } from './scope.ts'

describe('parseScope', () => {
  it('returns a frozen copy of a valid scope', () => {
    const input = {
      types: ['text', 'template'],
      recipients: ['+628111111111', '+62811*', '+*'],
      templates: ['otp_code'],
      maxSends: 0,
    }
    const scope = parseScope(input)
    expect(scope).toEqual(input)
    expect(Object.isFrozen(scope)).toBe(true)
    expect(Object.isFrozen(scope.recipients)).toBe(true)
    expect(scope.recipients).not.toBe(input.recipients)
    expect(parseScope({})).toEqual({})
  })

  it.each([
    [null, '', 'must be an object'],
    [[], '', 'must be an object'],
    ['text', '', 'must be an object'],
    [{ recipient: ['+62811*'] }, 'recipient', 'is not a scope field'],
    [{ types: 'text' }, 'types', 'must be an array of strings'],
    [{ types: ['sms'] }, 'types[0]', 'must be a message type'],
    [{ recipients: ['0811'] }, 'recipients[0]', 'E.164'],
    [{ recipients: ['+0811'] }, 'recipients[0]', 'E.164'],
    [{ recipients: ['+62811*1'] }, 'recipients[0]', 'E.164'],
    [{ recipients: ['*'] }, 'recipients[0]', 'E.164'],
    [{ recipients: ['+62 811*'] }, 'recipients[0]', 'E.164'],
    [{ recipients: ['+1234567890123456'] }, 'recipients[0]', 'E.164'],
    [{ recipients: ['+628111111111', 5] }, 'recipients[1]', 'E.164'],
    [{ senders: ['+62811*'] }, 'senders[0]', 'E.164'],
    [{ senders: '+628511760008029' }, 'senders', 'must be an array of strings'],
    [{ templates: ['OTP'] }, 'templates[0]', 'template name'],
    [{ templates: [''] }, 'templates[0]', 'template name'],
    [{ maxSends: -1 }, 'maxSends', 'non-negative integer'],
    [{ maxSends: 1.5 }, 'maxSends', 'non-negative integer'],
    [{ maxSends: '3' }, 'maxSends', 'non-negative integer'],
    [{ maxSends: Number.POSITIVE_INFINITY }, 'maxSends', 'non-negative integer'],
  ])('refuses %j at %s', (input, path, rule) => {
    let error: unknown
    try {
      parseScope(input)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ScopeError)
    expect((error as ScopeError).path).toBe(path)
    expect((error as ScopeError).message).toContain(rule)
  })

  it('accepts the longest E.164 number (15 digits) and prefix (14 digits then *)', () => {
    expect(() => parseScope({ recipients: ['+123456789012345', '+12345678901234*'] })).not.toThrow()
    expect(() => parseScope({ recipients: ['+123456789012345*'] })).toThrow(ScopeError)
  })
})

describe('recipientAllowed', () => {
  it('matches exact numbers exactly and prefixes by prefix', () => {
    expect(recipientAllowed(['+628111111111'], '+628111111111')).toBe(true)
    expect(recipientAllowed(['+628111111111'], '+6281111111110')).toBe(false)
    expect(recipientAllowed(['+62811*'], '+62811')).toBe(true)
    expect(recipientAllowed(['+62811*'], '+628111111111')).toBe(true)
    expect(recipientAllowed(['+62811*'], '+62812111111')).toBe(false)
    expect(recipientAllowed(['+*'], '+15555550100')).toBe(true)
    expect(recipientAllowed([], '+628111111111')).toBe(false)
  })
})

describe('checkScope', () => {
  const send = { to: '+628111111111', type: 'template', template: { name: 'otp_code' } }

  it('allows everything without a scope, or with an empty one', () => {
    expect(checkScope(undefined, send)).toBeUndefined()
    expect(checkScope({}, send)).toBeUndefined()
  })

  it('checks the type, then the recipient, then the template', () => {
    const scope = parseScope({ types: ['text'], recipients: ['+1*'], templates: ['welcome'] })
    expect(checkScope(scope, send)?.code).toBe('scope_type_forbidden')
    expect(checkScope({ ...scope, types: ['template'] }, send)?.code).toBe(
      'scope_recipient_forbidden',
    )
    expect(checkScope({ ...scope, types: ['template'], recipients: ['+62*'] }, send)).toMatchObject(
      {
        code: 'scope_template_forbidden',
        param: 'template.name',
      },
    )
    expect(checkScope({ templates: ['otp_code'] }, send)).toBeUndefined()
  })

  it('requires a listed `from` when senders are listed', () => {
    const scope = parseScope({ senders: ['+628511760008029'] })
    expect(checkScope(scope, { ...send, from: '+628511760008029' })).toBeUndefined()
    expect(checkScope(scope, { ...send, from: '+628511760008030' })).toMatchObject({
      code: 'scope_sender_forbidden',
      param: 'from',
      message: 'This token may not send from +628511760008030.',
    })
    expect(checkScope(scope, send)).toMatchObject({ code: 'scope_sender_forbidden', param: 'from' })
    expect(checkScope(scope, send)?.message).toContain('must name its sender')
    expect(
      checkScope(parseScope({ senders: [] }), { ...send, from: '+628511760008029' })?.code,
    ).toBe('scope_sender_forbidden')
  })

  it('leaves non-template sends alone when only templates are listed', () => {
    expect(checkScope({ templates: [] }, { to: '+628111111111', type: 'text' })).toBeUndefined()
    expect(checkScope({ templates: [] }, send)?.code).toBe('scope_template_forbidden')
  })
})
