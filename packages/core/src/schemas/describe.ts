/** Longest string quoted back in a message, in code points; longer ones are cut with `…`. */
const MAX_QUOTED = 64

/**
 * Describes a received value for an issue message: strings quoted as JSON (cut when long),
 * numbers, booleans, `null` and `undefined` as written, arrays and objects by kind.
 *
 * @example
 * describeValue('0811') // '"0811"'
 * describeValue([1, 2]) // 'an array'
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const chars = [...value]
    return JSON.stringify(
      chars.length > MAX_QUOTED ? `${chars.slice(0, MAX_QUOTED - 1).join('')}…` : value,
    )
  }
  if (Array.isArray(value)) return 'an array'
  if (value !== null && (typeof value === 'object' || typeof value === 'function')) {
    return 'an object'
  }
  return String(value)
}
