import { randomUUID } from '../core/environment.ts'
import type { ValidationIssue } from '../errors/ValidationError.ts'

/**
 * Issues with a caller's `Idempotency-Key`: 1–255 printable ASCII characters (space to `~`), so
 * it survives as a header value unchanged (**ASSUMED**, contract interpretations).
 */
export const idempotencyKeyIssues = (value: unknown): ValidationIssue[] => {
  const path = 'options.idempotencyKey'
  if (value === undefined) return []
  if (typeof value !== 'string')
    return [{ path, message: `must be a string (got ${typeof value})` }]
  if (value.length < 1 || value.length > 255) {
    return [{ path, message: `must be 1–255 characters (got ${value.length})` }]
  }
  if (!/^[\x20-\x7e]+$/.test(value)) {
    return [{ path, message: 'must be printable ASCII characters only (space to ~)' }]
  }
  // fetch trims header values: the server would see a different (or an empty) key.
  if (value.trim() !== value) {
    return [{ path, message: 'must not start or end with a space' }]
  }
  return []
}

/** A fresh key for one logical send: a UUID v4, as Kirim advises. */
export const newIdempotencyKey = (): string => randomUUID()
