import { type Check, issue } from '../internal/checkOptions.ts'
import { describeValue } from '../schemas/index.ts'

// Printable ASCII, 1–255, and no space at either end: fetch trims header values, so the server
// would see a different (or an empty) key (**ASSUMED**, contract interpretations).
const IDEMPOTENCY_KEY = /^[\x21-\x7e]([\x20-\x7e]{0,253}[\x21-\x7e])?$/

/** A caller's `Idempotency-Key`: 1–255 printable ASCII characters, no space at either end. */
export const checkIdempotencyKey = (key: unknown): Check =>
  key === undefined ||
  (typeof key === 'string' && IDEMPOTENCY_KEY.test(key)) ||
  issue(
    'options.idempotencyKey',
    `must be 1–255 printable ASCII characters, without a space at either end (got ${describeValue(key)})`,
  )
