/**
 * Small builders for the OpenAPI document's JSON Schemas (2020-12, as OpenAPI 3.1 uses), so
 * each limit is written once, from the table the validators use.
 */
import type { Length } from '../validation/limits.ts'

/** A JSON Schema object, as plain data. */
export type Schema = Record<string, unknown>

/** `$ref` to a schema under `components.schemas`. */
export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` })

const lengthOf = (length: Length, unit: 'Length' | 'Items'): Schema => ({
  ...(length.min !== undefined && length.min > 0 ? { [`min${unit}`]: length.min } : {}),
  ...(length.max !== undefined ? { [`max${unit}`]: length.max } : {}),
})

/** A string, with a length rule in code points (JSON Schema counts code points too). */
export const string = (length: Length = {}, extra: Schema = {}): Schema => ({
  type: 'string',
  ...lengthOf(length, 'Length'),
  ...extra,
})

/** A string matching a pattern of the validators. */
export const matching = (pattern: RegExp, extra: Schema = {}): Schema =>
  string({}, { pattern: pattern.source, ...extra })

/** An array of `items` with a count rule. */
export const array = (items: Schema, length: Length = {}, extra: Schema = {}): Schema => ({
  type: 'array',
  items,
  ...lengthOf(length, 'Items'),
  ...extra,
})

export const integer: Schema = { type: 'integer' }
export const boolean: Schema = { type: 'boolean' }
export const constant = (value: string): Schema => ({ const: value })
export const oneOf = (values: readonly string[]): Schema => ({ type: 'string', enum: [...values] })

/**
 * An object whose fields are exactly `fields` (the validators' list): any other key is
 * refused, so `additionalProperties: false`. Throws at load time if `properties` names other
 * fields than the list, so the document cannot drift from the validator.
 */
export function closed(
  fields: readonly string[],
  properties: Record<string, Schema>,
  required: readonly string[] = [],
  extra: Schema = {},
): Schema {
  const documented = Object.keys(properties).sort().join(',')
  if (documented !== [...fields].sort().join(','))
    throw new Error(`OpenAPI: fields ${documented} differ from the validator's ${fields}`)
  return {
    type: 'object',
    additionalProperties: false,
    properties,
    ...(required.length === 0 ? {} : { required: [...required] }),
    ...extra,
  }
}

/** An object of Meta's shape: its documented fields checked, unknown keys passed through. */
export const open = (
  properties: Record<string, Schema>,
  required: readonly string[] = [],
  extra: Schema = {},
): Schema => ({
  type: 'object',
  additionalProperties: true,
  properties,
  ...(required.length === 0 ? {} : { required: [...required] }),
  ...extra,
})

/** One of several objects told apart by their `type` property. */
export const byType = (variants: readonly Schema[], extra: Schema = {}): Schema => ({
  type: 'object',
  oneOf: [...variants],
  discriminator: { propertyName: 'type' },
  ...extra,
})

/** An absolute https URL, as the validators take it (`new URL(...)`, protocol `https:`). */
export const httpsUrl = (length: Length = { min: 1 }): Schema =>
  string(length, { pattern: '^[Hh][Tt][Tt][Pp][Ss]://', description: 'An absolute https URL.' })
