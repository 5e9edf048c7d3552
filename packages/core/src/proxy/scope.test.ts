import { describe, expect, it } from 'vitest'
import { checkScope, readScope, recipientAllowed } from './scope.ts'

describe('readScope', () => {
  it('reads an absent scope as no limits', () => {
    expect(readScope(undefined)).toEqual({ scope: undefined })
  })

  it('names each broken field from the scope, on one line', () => {
    expect(readScope({ recipients: ['0811'], tokens: 1 })).toEqual({
      problem:
        "scope.recipients[0] must be an E.164 number ('+628111111111') or a prefix ending in * ('+62811*') (got \"0811\"); " +
        'scope.tokens is not a scope field (known: types, recipients, senders, templates, maxSends)',
    })
    expect(readScope('text')).toEqual({ problem: 'scope must be an object (got "text")' })
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

const scopeOf = (value: unknown) => {
  const read = readScope(value)
  if ('problem' in read) throw new Error(read.problem)
  return read.scope
}

describe('checkScope', () => {
  const send = { to: '+628111111111', type: 'template', template: { name: 'otp_code' } }

  it('allows everything without a scope, or with an empty one', () => {
    expect(checkScope(undefined, send)).toBeUndefined()
    expect(checkScope({}, send)).toBeUndefined()
  })

  it('checks the type, then the recipient, then the template', () => {
    const scope = scopeOf({ types: ['text'], recipients: ['+1*'], templates: ['welcome'] })!
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
    const scope = scopeOf({ senders: ['+628511760008029'] })
    expect(checkScope(scope, { ...send, from: '+628511760008029' })).toBeUndefined()
    expect(checkScope(scope, { ...send, from: '+628511760008030' })).toMatchObject({
      code: 'scope_sender_forbidden',
      param: 'from',
      message: 'This token may not send from +628511760008030.',
    })
    expect(checkScope(scope, send)).toMatchObject({ code: 'scope_sender_forbidden', param: 'from' })
    expect(checkScope(scope, send)?.message).toContain('must name its sender')
    expect(checkScope(scopeOf({ senders: [] }), { ...send, from: '+628511760008029' })?.code).toBe(
      'scope_sender_forbidden',
    )
  })

  it('leaves non-template sends alone when only templates are listed', () => {
    expect(checkScope({ templates: [] }, { to: '+628111111111', type: 'text' })).toBeUndefined()
    expect(checkScope({ templates: [] }, send)?.code).toBe('scope_template_forbidden')
  })
})
