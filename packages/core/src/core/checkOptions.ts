import type { ValidationIssue } from '../errors/ValidationError.ts'

// ky (and setTimeout) cannot wait longer than a signed 32-bit number of milliseconds.
const maxTimeoutMs = 2_147_483_647

const shown = (value: unknown): string =>
  typeof value === 'string'
    ? JSON.stringify(value)
    : Array.isArray(value)
      ? 'an array'
      : String(value)

/** Issues with a `timeout` (ms): a whole or fractional number above 0, at most 2147483647. */
export const timeoutIssues = (path: string, value: unknown): ValidationIssue[] =>
  value === undefined ||
  (typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= maxTimeoutMs)
    ? []
    : [
        {
          path,
          message: `must be a number of milliseconds from 1 to ${maxTimeoutMs} (got ${shown(value)})`,
        },
      ]

/** Issues with a `maxRetries`: a whole number from 0 to 10. */
export const maxRetriesIssues = (path: string, value: unknown): ValidationIssue[] =>
  value === undefined ||
  (Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 10)
    ? []
    : [{ path, message: `must be a whole number from 0 to 10 (got ${shown(value)})` }]

/** Issues with the options every call takes (`signal`, `timeout`, `maxRetries`). */
export const requestOptionIssues = (options: unknown): ValidationIssue[] => {
  if (options === undefined) return []
  if (typeof options !== 'object' || options === null) {
    return [{ path: 'options', message: `must be an object (got ${shown(options)})` }]
  }
  const { signal, timeout, maxRetries } = options as Record<string, unknown>
  const isSignal =
    signal === undefined ||
    (typeof signal === 'object' &&
      signal !== null &&
      'aborted' in signal &&
      'addEventListener' in signal)
  return [
    ...(isSignal ? [] : [{ path: 'options.signal', message: 'must be an AbortSignal' }]),
    ...timeoutIssues('options.timeout', timeout),
    ...maxRetriesIssues('options.maxRetries', maxRetries),
  ]
}
