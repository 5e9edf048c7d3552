import type { BaseIssue } from 'valibot'
import type { ValidationIssue } from '../errors/ValidationError.ts'
import { describeValue } from './describe.ts'
import { formatPath } from './path.ts'
import { codePointLength } from './rule.ts'

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  Object: 'an object',
  Array: 'an array',
}

/** A range rule (`chars`, `count`): `must be at most 24 characters (got 25)`. */
function describeRange(issue: BaseIssue<unknown>): string {
  const [min, max, noun] = issue.requirement as [number, number, string]
  const input = issue.input as string | unknown[]
  const got = typeof input === 'string' ? codePointLength(input) : input.length
  const [bound, limit] = got < min ? ['least', min] : ['most', max]
  const verb = issue.type === 'count' ? 'have' : 'be'
  return `must ${verb} at ${bound} ${limit} ${noun}${limit === 1 ? '' : 's'} (got ${got})`
}

/**
 * Words for an issue from valibot's issue data alone: the rules carry no messages of their own.
 * A schema's `expected` is a type name (`string`, `Object`), a literal (`"text"`) or a list of
 * them (`("a" | "b")`); a rule's `expected` is its description (`an https URL`).
 */
function describeIssue(issue: BaseIssue<unknown>): string {
  const { type, expected, input, path } = issue
  if (type === 'chars' || type === 'count') return describeRange(issue)
  if (type === 'secret') return `must be ${expected}`
  // A message set on purpose (a cross-field rule, a caller's own schema) is kept as it is.
  if (!issue.message.startsWith('Invalid ')) return issue.message
  if (path?.[path.length - 1]?.origin === 'key') {
    return expected === 'never' ? 'unknown field' : 'is required'
  }
  const names = (expected ?? '').replace(/^\((.*)\)$/, '$1').split(' | ')
  const literals = names.every((name) => name.startsWith('"'))
  if (input === undefined) {
    return literals && names.length > 1 ? `is required (one of ${names.join(', ')})` : 'is required'
  }
  const wanted =
    issue.kind !== 'schema'
      ? expected
      : literals && names.length > 1
        ? `one of ${names.join(', ')}`
        : names.map((name) => TYPE_NAMES[name] ?? name).join(' or ')
  return `must be ${wanted} (got ${describeValue(input)})`
}

/**
 * Turns valibot issues into Kirim's `ValidationIssue`s: a path in the form
 * `interactive.action.sections[0].rows[3].title` and a message naming the rule and what was
 * got (`must be at most 24 characters (got 25)`, `unknown field`, `is required`,
 * `must be one of "text", "template", …`). Keeps every issue, in order.
 *
 * @example
 * const result = v.safeParse(SendMessageSchema, body, { abortEarly: false })
 * if (!result.success) toValidationIssues(result.issues)
 * // [{ path: 'to', message: 'must be an E.164 phone number with a leading + (got "0811")' }]
 */
export function toValidationIssues(issues: readonly BaseIssue<unknown>[]): ValidationIssue[] {
  return issues.map((issue) => ({
    path: formatPath(issue.path?.map((item) => item.key) ?? []),
    message: describeIssue(issue),
  }))
}
