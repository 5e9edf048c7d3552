import { describe, expectTypeOf, it } from 'vitest'
import type { MessageType } from '../schemas/index.ts'
import type {
  AuthorizeResult,
  ProxyErrorCode,
  ProxyErrorContext,
  Scope,
  ScopeMessageType,
  ScopeViolationCode,
  TokenFailureCode,
} from './index.ts'

describe('Scope', () => {
  it('allows exactly the message types a send can have', () => {
    expectTypeOf<ScopeMessageType>().toEqualTypeOf<MessageType>()
  })

  it('takes readonly lists, and refuses an unknown message type', () => {
    const types: readonly ScopeMessageType[] = ['template']
    const recipients: readonly string[] = ['+62811*']
    expectTypeOf({ types, recipients, maxSends: 3 }).toExtend<Scope>()
    expectTypeOf<{ types: ['sms'] }>().not.toExtend<Scope>()
    expectTypeOf<{
      subject: 'u'
      scope: { senders: ['+628511760008029'] }
    }>().toExtend<AuthorizeResult>()
  })
})

describe('the codes, derived from the error catalogue', () => {
  it('names the scope violations and the token failures', () => {
    expectTypeOf<ScopeViolationCode>().toEqualTypeOf<
      | 'scope_type_forbidden'
      | 'scope_recipient_forbidden'
      | 'scope_sender_forbidden'
      | 'scope_template_forbidden'
    >()
    expectTypeOf<TokenFailureCode>().toEqualTypeOf<
      | 'missing_token'
      | 'malformed_token'
      | 'token_expired'
      | 'token_algorithm_not_allowed'
      | 'token_key_unknown'
      | 'token_signature_invalid'
      | 'token_claims_invalid'
    >()
    expectTypeOf<'request_too_large' | 'internal_error'>().toExtend<ProxyErrorCode>()
  })

  it('tells onError the route by the name of its row', () => {
    expectTypeOf<ProxyErrorContext['route']>().toEqualTypeOf<
      'token' | 'send' | 'getMessage' | 'listTemplates' | 'webhooks' | 'events' | undefined
    >()
  })
})
