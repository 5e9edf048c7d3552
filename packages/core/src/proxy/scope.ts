/**
 * A send checked against its token's scope (`schemas/scope.ts` is the scope's shape): the
 * type, the recipient, the sender, then the template, and the first way out names its field.
 */
import type { ValidationIssue } from '../errors/ValidationError.ts'
import { inlineIssues } from '../errors/ValidationError.ts'
import { validate } from '../schemas/parse.ts'
import { type Scope, ScopeSchema } from '../schemas/scope.ts'
import type { ProxyErrorCode } from './errors.ts'

export type { Scope, ScopeMessageType } from '../schemas/scope.ts'

/** The reason codes of a scope refusal (HTTP 403, type `permission_error`). */
export type ScopeViolationCode = Extract<ProxyErrorCode, `scope_${string}`>

/** Why a send is outside its token's scope. */
export interface ScopeViolation {
  readonly code: ScopeViolationCode
  /** The field of the send that broke the scope. */
  readonly param: string
  readonly message: string
}

/** The fields of a validated send that a scope looks at. */
export interface ScopedSend {
  readonly to: string
  readonly from?: string | undefined
  readonly type: string
  readonly template?: { readonly name: string } | undefined
}

/** An issue of a scope, its path from the grant or the token (`scope.recipients[2]`). */
const inScope = (issue: ValidationIssue): ValidationIssue => ({
  path: issue.path === '' ? 'scope' : `scope${issue.path.startsWith('[') ? '' : '.'}${issue.path}`,
  message: issue.message,
})

/**
 * Reads a scope (from `authorize`, or from a verified token): the scope, or every broken rule on
 * one line, each with its path (`scope.recipients[0] must be an E.164 number … (got "0811")`).
 */
export function readScope(
  value: unknown,
): { readonly scope: Scope | undefined } | { readonly problem: string } {
  if (value === undefined) return { scope: undefined }
  const { output, issues } = validate(ScopeSchema, value)
  return output === undefined ? { problem: inlineIssues(issues.map(inScope)) } : { scope: output }
}

/** Whether `to` is one of `recipients` (an exact number, or a `prefix*`). */
export function recipientAllowed(recipients: readonly string[], to: string): boolean {
  return recipients.some((allowed) =>
    allowed.endsWith('*') ? to.startsWith(allowed.slice(0, -1)) : to === allowed,
  )
}

/**
 * The first way `send` breaks `scope` (type, recipient, sender, then template), or `undefined` when
 * it is within it. `send` must already be validated (a well-formed `to`, a known `type`).
 */
export function checkScope(scope: Scope | undefined, send: ScopedSend): ScopeViolation | undefined {
  if (scope === undefined) return undefined
  if (scope.types !== undefined && !(scope.types as readonly string[]).includes(send.type)) {
    return {
      code: 'scope_type_forbidden',
      param: 'type',
      message: `This token may not send "${send.type}" messages (allowed: ${scope.types.join(', ') || 'none'}).`,
    }
  }
  if (scope.recipients !== undefined && !recipientAllowed(scope.recipients, send.to)) {
    return {
      code: 'scope_recipient_forbidden',
      param: 'to',
      message: `This token may not send to ${send.to}.`,
    }
  }
  if (scope.senders !== undefined && !scope.senders.includes(send.from ?? '')) {
    return {
      code: 'scope_sender_forbidden',
      param: 'from',
      message:
        send.from === undefined
          ? `This token must name its sender in "from" (allowed: ${scope.senders.join(', ') || 'none'}).`
          : `This token may not send from ${send.from}.`,
    }
  }
  if (
    scope.templates !== undefined &&
    send.type === 'template' &&
    !scope.templates.includes(send.template?.name ?? '')
  ) {
    return {
      code: 'scope_template_forbidden',
      param: 'template.name',
      message: `This token may not send the template "${send.template?.name ?? ''}".`,
    }
  }
  return undefined
}
