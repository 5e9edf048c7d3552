import { custom } from 'valibot'
import { describeValue } from './describe.ts'

/**
 * A string field of a response whose known values are typed for autocompletion, while any
 * other string is accepted: the API may add a value (a template status, a tier) and an older
 * SDK must not crash on it. Type: `TKnown | (string & {})`.
 *
 * @example
 * const status = openEnum<'approved' | 'pending'>()
 */
/* @__NO_SIDE_EFFECTS__ */
export function openEnum<TKnown extends string>() {
  return custom<TKnown | (string & {})>(
    (input) => typeof input === 'string',
    (issue) => `must be a string (got ${describeValue(issue.input)})`,
  )
}
