import { ApiError, invalidField, missingField } from '../errors/api-error.ts'
import { type Length, PATTERNS } from './limits.ts'

/** A parsed JSON object. */
export type JsonObject = Record<string, unknown>

/** Length in Unicode code points, the unit of every limit in the contract. */
export const codePoints = (value: string): number => {
  let count = 0
  for (const _ of value) count++
  return count
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

/** `a.b` (`b` at the top), or `a["odd key"]` for a key that is not an identifier, as JavaScript reads it. */
export const child = (path: string, key: string): string =>
  IDENTIFIER.test(key) ? (path === '' ? key : `${path}.${key}`) : `${path}[${JSON.stringify(key)}]`
/** `a[3]`. */
export const item = (path: string, index: number): string => `${path}[${index}]`

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`

const quoted = (names: readonly string[]): string => names.map((name) => `"${name}"`).join(', ')

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The value as an object, or 400 `invalid_field_value` naming `path`. */
export function asObject(value: unknown, path: string): JsonObject {
  if (!isObject(value)) {
    throw path === ''
      ? invalidField(undefined, `The request body must be a JSON object (got ${describe(value)}).`)
      : invalidField(path, `${path} must be an object (got ${describe(value)}).`)
  }
  return value
}

/** A required object field. */
export function requiredObject(parent: JsonObject, key: string, path: string): JsonObject {
  const name = child(path, key)
  if (parent[key] === undefined) throw missingField(name)
  return asObject(parent[key], name)
}

/** An optional object field (absent → undefined). */
export function optionalObject(
  parent: JsonObject,
  key: string,
  path: string,
): JsonObject | undefined {
  return parent[key] === undefined ? undefined : asObject(parent[key], child(path, key))
}

function checkLength(value: string, name: string, { min = 0, max }: Length): string {
  const length = codePoints(value)
  if (length < min || (max !== undefined && length > max)) {
    const rule =
      max === undefined
        ? `at least ${min} character${min === 1 ? '' : 's'}`
        : min === 0
          ? `at most ${max} characters`
          : `${min}–${max} characters`
    throw invalidField(name, `${name} must be ${rule} (got ${length}).`)
  }
  return value
}

/** A string value at `name` with a length rule in code points. */
export function asString(value: unknown, name: string, length: Length = {}): string {
  if (typeof value !== 'string') {
    throw invalidField(name, `${name} must be a string (got ${describe(value)}).`)
  }
  return checkLength(value, name, length)
}

/** A required string field. */
export function requiredString(
  parent: JsonObject,
  key: string,
  path: string,
  length: Length = {},
): string {
  const name = child(path, key)
  if (parent[key] === undefined) throw missingField(name)
  return asString(parent[key], name, length)
}

/** An optional string field (absent → undefined). */
export function optionalString(
  parent: JsonObject,
  key: string,
  path: string,
  length: Length = {},
): string | undefined {
  return parent[key] === undefined ? undefined : asString(parent[key], child(path, key), length)
}

/** An optional boolean field. */
export function optionalBoolean(
  parent: JsonObject,
  key: string,
  path: string,
): boolean | undefined {
  const value = parent[key]
  if (value === undefined || typeof value === 'boolean') return value
  const name = child(path, key)
  throw invalidField(name, `${name} must be a boolean (got ${describe(value)}).`)
}

/** A required array field with a count rule. */
export function requiredArray(
  parent: JsonObject,
  key: string,
  path: string,
  { min = 0, max }: Length = {},
): unknown[] {
  const name = child(path, key)
  const value = parent[key]
  if (value === undefined) throw missingField(name)
  if (!Array.isArray(value)) {
    throw invalidField(name, `${name} must be an array (got ${describe(value)}).`)
  }
  if (value.length < min || (max !== undefined && value.length > max)) {
    const rule =
      max === undefined ? `at least ${min}` : min === max ? `exactly ${min}` : `${min}–${max}`
    throw invalidField(name, `${name} must hold ${rule} items (got ${value.length}).`)
  }
  return value
}

/** A string field that must be one of `allowed`. */
export function requiredEnum<T extends string>(
  parent: JsonObject,
  key: string,
  path: string,
  allowed: readonly T[],
): T {
  const name = child(path, key)
  const value = requiredString(parent, key, path)
  if (!(allowed as readonly string[]).includes(value)) {
    throw invalidField(name, `${name} must be one of ${quoted(allowed)} (got "${value}").`)
  }
  return value as T
}

/** An E.164 number: `+`, a non-zero digit, then 1–14 more digits. */
export const isE164 = (value: string): boolean => PATTERNS.e164.test(value)

/** A phone number field: wrong type → `invalid_field_value`, not E.164 → `invalid_phone_number`. */
export function phoneNumber(value: unknown, name: string): string {
  const number = asString(value, name)
  if (!isE164(number)) {
    throw new ApiError({
      code: 'invalid_phone_number',
      param: name,
      message: `${name} must be an E.164 number with a leading + (e.g. +628111111111); got "${number}".`,
    })
  }
  return number
}

/** An absolute `https:` URL. */
export function httpsUrl(value: unknown, name: string): string {
  if (value === undefined) throw missingField(name)
  const url = asString(value, name, { min: 1 })
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw invalidField(name, `${name} must be an absolute https URL (got "${url}").`)
  }
  if (parsed.protocol !== 'https:') {
    throw invalidField(name, `${name} must use https (got "${parsed.protocol}").`)
  }
  return url
}

/**
 * Refuses any key of `object` outside `allowed`, as Stripe refuses an unknown parameter: a
 * typo (`image.captoin`) is a 400 naming it, never silently dropped.
 */
export function onlyFields(object: JsonObject, path: string, allowed: readonly string[]): void {
  for (const key of Object.keys(object)) {
    if (allowed.includes(key)) continue
    const name = child(path, key)
    throw invalidField(
      name,
      `${name} is not a known field of ${path === '' ? 'the body' : path}; the fields are ${quoted(allowed)}.`,
    )
  }
}

/** Rejects duplicates among ids, naming the path of the second one. */
export function uniqueIds(entries: readonly { id: string; path: string }[]): void {
  const seen = new Set<string>()
  for (const { id, path } of entries) {
    if (seen.has(id))
      throw invalidField(path, `${path} "${id}" is used more than once; each must be unique.`)
    seen.add(id)
  }
}
