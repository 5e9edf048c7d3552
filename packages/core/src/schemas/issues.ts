import type { BaseIssue } from 'valibot'
import type { ValidationIssue } from '../errors/ValidationError.ts'
import { describeValue } from './describe.ts'
import { formatPath } from './path.ts'

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  Object: 'an object',
  Array: 'an array',
  null: 'null',
}

/** The quoted literals of an `expected` like `"a"` or `("a" | "b")`, or undefined when it is not an enum. */
function literalsOf(expected: string | null): string[] | undefined {
  if (!expected) return undefined
  const list = (
    expected.startsWith('(') && expected.endsWith(')') ? expected.slice(1, -1) : expected
  ).split(' | ')
  return list.every((item) => item.startsWith('"')) ? list : undefined
}

/** Words for an issue valibot raised with its default message (a type, key or enum issue). */
function describeSchemaIssue(issue: BaseIssue<unknown>): string {
  const last = issue.path?.[issue.path.length - 1]
  if (last?.origin === 'key') return issue.expected === 'never' ? 'unknown field' : 'is required'
  const literals = literalsOf(issue.expected)
  if (issue.input === undefined) {
    return literals && literals.length > 1
      ? `is required (one of ${literals.join(', ')})`
      : 'is required'
  }
  const got = `(got ${describeValue(issue.input)})`
  if (literals) {
    return literals.length === 1
      ? `must be ${literals[0]} ${got}`
      : `must be one of ${literals.join(', ')} ${got}`
  }
  const expected = (issue.expected ?? '').replace(/^\((.*)\)$/, '$1').split(' | ')
  return `must be ${expected.map((name) => TYPE_NAMES[name] ?? name).join(' or ')} ${got}`
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
    // Our rules carry their own words; valibot's defaults ("Invalid type: …") are reworded.
    message:
      issue.kind === 'schema' && issue.message.startsWith('Invalid ')
        ? describeSchemaIssue(issue)
        : issue.message,
  }))
}
