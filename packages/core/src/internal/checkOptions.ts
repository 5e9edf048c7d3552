import { ValidationError, type ValidationIssue } from '../errors/ValidationError.ts'
import { describeValue } from '../schemas/describe.ts'

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

const isOptionsObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

// Nothing else can be checked then.
const notAnObject = (value: unknown): ValidationIssue =>
  issue('', `must be an options object (got ${describeValue(value)})`)

/**
 * Throws one `ValidationError` for the options of `what` (`createProxy options`): the one issue
 * of options that are not an object, or every issue `checks` finds; returns when all hold.
 */
export const assertOptions = (
  what: string,
  options: unknown,
  checks: (options: Record<string, unknown>) => Check[] = () => [],
): void => {
  const issues = isOptionsObject(options) ? issuesOf(...checks(options)) : [notAnObject(options)]
  if (issues.length > 0) throw new ValidationError(issues, what)
}

/**
 * The longest wait a timer can take, in ms: `setTimeout` (and so ky) holds a signed 32-bit
 * number, and a longer delay fires at once.
 */
export const MAX_TIMEOUT_MS = 2_147_483_647

/** A `timeout` (ms): a whole or fractional number above 0, at most 2147483647. */
export const checkTimeout = (path: string, value: unknown): Check =>
  value === undefined ||
  (typeof value === 'number' && value > 0 && value <= MAX_TIMEOUT_MS) ||
  issue(
    path,
    `must be a number of milliseconds from 1 to ${MAX_TIMEOUT_MS} (got ${describeValue(value)})`,
  )

/** A whole number from `min` to `max` (no upper bound when `max` is omitted). */
export const checkWholeNumber = (
  path: string,
  value: unknown,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): Check =>
  value === undefined ||
  (Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max) ||
  issue(
    path,
    `must be a whole number ${max === Number.MAX_SAFE_INTEGER ? `of ${min} or more` : `from ${min} to ${max}`} (got ${describeValue(value)})`,
  )

/** A duration in seconds above 0 (a `ttl`), finite. */
export const checkSeconds = (path: string, value: unknown): Check =>
  value === undefined ||
  (typeof value === 'number' && Number.isFinite(value) && value > 0) ||
  issue(path, `must be a number of seconds above 0 (got ${describeValue(value)})`)

/** A `maxRetries`: a whole number from 0 to 10. */
export const checkMaxRetries = (path: string, value: unknown): Check =>
  checkWholeNumber(path, value, 0, 10)

/** A function (a `fetch`, a callback): when given, or always when `required`. */
export const checkFunction = (path: string, value: unknown, required = false): Check =>
  (value === undefined && !required) ||
  typeof value === 'function' ||
  issue(path, `must be a function (got ${describeValue(value)})`)

/** An object with the methods `methods` (a store), when given. */
export const checkMethods = (path: string, value: unknown, methods: readonly string[]): Check =>
  value === undefined ||
  (typeof value === 'object' &&
    value !== null &&
    methods.every((name) => typeof (value as Record<string, unknown>)[name] === 'function')) ||
  issue(path, `must be an object with the methods ${methods.join(', ')}`)

/** Only the `known` options: a typo must not silently fall back to a default. */
export const checkKnownKeys = (options: object, known: readonly string[]): Check[] =>
  Object.keys(options).map(
    (key) => known.includes(key) || issue(key, `is not an option (known: ${known.join(', ')})`),
  )

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
