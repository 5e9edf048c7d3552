import { type GenericSchema, string } from 'valibot'

/**
 * A string field of a response whose known values are typed for autocompletion, while any
 * other string is accepted: the API may add a value (a template status, a tier) and an older
 * SDK must not crash on it. At run time it is `string()`; only its type is narrower:
 * `TKnown | (string & {})`.
 *
 * @example
 * const status = openEnum<'approved' | 'pending'>()
 */
/* @__NO_SIDE_EFFECTS__ */
export function openEnum<TKnown extends string>(): GenericSchema<TKnown | (string & {})> {
  return string()
}
