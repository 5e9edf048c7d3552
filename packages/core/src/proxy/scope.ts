/**
 * What a token lets its holder send. `authorize` returns it, the token carries it (signed, so the
 * browser can read it but not change it), and every send through the proxy is checked against it.
 */

import { E164_REGEX, TEMPLATE_NAME_REGEX } from '../schemas/rules.ts'

/** The message types a scope can allow: the `type` field of a send. */
export const MESSAGE_TYPES = [
  'text',
  'template',
  'image',
  'document',
  'video',
  'audio',
  'interactive',
] as const

/** One of {@link MESSAGE_TYPES}. */
export type ScopeMessageType = (typeof MESSAGE_TYPES)[number]

/**
 * The limits of a token. Every field is optional; a missing field does not restrict. Unknown
 * fields are refused (a typo such as `recipient` must not silently allow every number).
 *
 * @example
 * // May send the `otp_code` template, to Indonesian mobile numbers only, at most 3 times.
 * const scope: Scope = {
 *   types: ['template'],
 *   templates: ['otp_code'],
 *   recipients: ['+628*'],
 *   maxSends: 3,
 * }
 */
export interface Scope {
  /** The message types allowed (`'text'`, `'template'`, `'image'` …). An empty list allows none. */
  readonly types?: readonly ScopeMessageType[]
  /**
   * The recipients allowed: exact E.164 numbers (`'+628111111111'`), or prefixes ending in `*`
   * (`'+62811*'` matches every number that starts with `+62811`; `'+*'` matches all).
   */
  readonly recipients?: readonly string[]
  /**
   * The organisation's numbers the token may send from (exact E.164). When set, every send
   * must name its `from` and it must be one of these; without it, a token of an organisation
   * with several numbers may send from any of them.
   */
  readonly senders?: readonly string[]
  /** The template names allowed when `type` is `'template'` (other types are not affected). */
  readonly templates?: readonly string[]
  /**
   * How many sends the token allows over its lifetime. Retries with the same `Idempotency-Key`
   * count once. A fresh token (from `POST /token`) starts a fresh count.
   */
  readonly maxSends?: number
}

/** The reason codes of a scope refusal (HTTP 403, type `permission_error`). */
export type ScopeViolationCode =
  | 'scope_type_forbidden'
  | 'scope_recipient_forbidden'
  | 'scope_sender_forbidden'
  | 'scope_template_forbidden'

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

/** Thrown by {@link parseScope} with the path of the offending field. */
export class ScopeError extends TypeError {
  override name = 'ScopeError'
  /** Path of the field, from the scope's root: `recipients[2]`. */
  readonly path: string
  constructor(path: string, rule: string) {
    super(`scope${path === '' ? '' : `.${path}`} ${rule}`)
    this.path = path
  }
}

const RECIPIENT_PREFIX = /^\+(?:[1-9]\d{0,13})?\*$/
const SCOPE_KEYS = new Set(['types', 'recipients', 'senders', 'templates', 'maxSends'])

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function stringList(
  value: unknown,
  field: string,
  accept: (item: string) => boolean,
  rule: string,
): readonly string[] {
  if (!Array.isArray(value)) throw new ScopeError(field, 'must be an array of strings')
  return Object.freeze(
    value.map((item: unknown, index) => {
      if (typeof item !== 'string' || !accept(item)) {
        throw new ScopeError(
          `${field}[${index}]`,
          `${rule} (got ${JSON.stringify(item) ?? 'undefined'})`,
        )
      }
      return item
    }),
  )
}

/**
 * Checks a scope (from `authorize`, or from a verified token) and returns a frozen copy.
 * Throws {@link ScopeError} naming the field and the rule.
 *
 * @example
 * parseScope({ recipients: ['0811'] }) // throws: scope.recipients[0] must be an E.164 number …
 */
export function parseScope(value: unknown): Scope {
  if (!isPlainObject(value)) throw new ScopeError('', 'must be an object')
  for (const key of Object.keys(value)) {
    if (!SCOPE_KEYS.has(key)) {
      throw new ScopeError(
        key,
        'is not a scope field (known: types, recipients, senders, templates, maxSends)',
      )
    }
  }
  const scope: {
    types?: readonly ScopeMessageType[]
    recipients?: readonly string[]
    senders?: readonly string[]
    templates?: readonly string[]
    maxSends?: number
  } = {}
  if (value.types !== undefined) {
    const known: readonly string[] = MESSAGE_TYPES
    scope.types = stringList(
      value.types,
      'types',
      (item) => known.includes(item),
      `must be a message type (${MESSAGE_TYPES.join(', ')})`,
    ) as readonly ScopeMessageType[]
  }
  if (value.recipients !== undefined) {
    scope.recipients = stringList(
      value.recipients,
      'recipients',
      (item) => E164_REGEX.test(item) || RECIPIENT_PREFIX.test(item),
      "must be an E.164 number ('+628111111111') or a prefix ending in * ('+62811*')",
    )
  }
  if (value.senders !== undefined) {
    scope.senders = stringList(
      value.senders,
      'senders',
      (item) => E164_REGEX.test(item),
      "must be an E.164 number ('+628511760008029')",
    )
  }
  if (value.templates !== undefined) {
    scope.templates = stringList(
      value.templates,
      'templates',
      (item) => TEMPLATE_NAME_REGEX.test(item),
      'must be a template name (lowercase letters, digits and underscores, 1–512)',
    )
  }
  if (value.maxSends !== undefined) {
    const max = value.maxSends
    if (typeof max !== 'number' || !Number.isSafeInteger(max) || max < 0) {
      throw new ScopeError(
        'maxSends',
        `must be a non-negative integer (got ${JSON.stringify(max)})`,
      )
    }
    scope.maxSends = max
  }
  return Object.freeze(scope)
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
