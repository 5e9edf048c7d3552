import type { ValidationIssue } from '../errors/ValidationError.ts'
import { describeValue } from '../schemas/index.ts'

/** One rule checked: `true` when it holds, else the issue (see `issuesOf`). */
export type Check = ValidationIssue | boolean

/** A broken rule: the path of the option and what it must be. */
export const issue = (path: string, message: string): ValidationIssue => ({ path, message })

/**
 * The issues among `checks`. Each check is written `holds || issue(path, message)`, so a message
 * is only built when its rule broke: checking valid options costs next to nothing.
 */
export const issuesOf = (...checks: Check[]): ValidationIssue[] =>
  checks.filter((check): check is ValidationIssue => typeof check === 'object')

// ky (and setTimeout) cannot wait longer than a signed 32-bit number of milliseconds.
const maxTimeoutMs = 2_147_483_647

/** A `timeout` (ms): a whole or fractional number above 0, at most 2147483647. */
export const checkTimeout = (path: string, value: unknown): Check =>
  value === undefined ||
  (typeof value === 'number' && value > 0 && value <= maxTimeoutMs) ||
  issue(
    path,
    `must be a number of milliseconds from 1 to ${maxTimeoutMs} (got ${describeValue(value)})`,
  )

/** A `maxRetries`: a whole number from 0 to 10. */
export const checkMaxRetries = (path: string, value: unknown): Check =>
  value === undefined ||
  (Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 10) ||
  issue(path, `must be a whole number from 0 to 10 (got ${describeValue(value)})`)

/**
 * Issues with the options every call takes (`signal`, `timeout`, `maxRetries`), then with the
 * `more` checks of the call's own options.
 */
export const requestOptionIssues = (
  options: unknown,
  more: (options: Record<string, unknown>) => Check[] = () => [],
): ValidationIssue[] => {
  if (options === undefined) return []
  if (typeof options !== 'object' || options === null) {
    return [issue('options', `must be an object (got ${describeValue(options)})`)]
  }
  const record = options as Record<string, unknown>
  const { signal } = record
  return issuesOf(
    signal === undefined ||
      (typeof signal === 'object' && signal !== null && 'aborted' in signal) ||
      issue('options.signal', 'must be an AbortSignal'),
    checkTimeout('options.timeout', record.timeout),
    checkMaxRetries('options.maxRetries', record.maxRetries),
    ...more(record),
  )
}
