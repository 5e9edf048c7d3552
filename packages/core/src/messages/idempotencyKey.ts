import { type Check, issue } from '../internal/checkOptions.ts'
import { randomUUID } from '../internal/environment.ts'
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

/**
 * A fresh `Idempotency-Key`: a random UUID v4, as Kirim advises, also on pages served over plain
 * http where `crypto.randomUUID` is missing. `kirim.messages.send` makes one per call by itself;
 * use this when you keep the key yourself, to send the same message again later as the same send.
 *
 * @example
 * const idempotencyKey = createIdempotencyKey()
 * await db.saveOutgoing(order.id, idempotencyKey)
 * await kirim.messages.send(body, { idempotencyKey })
 */
export const createIdempotencyKey = (): string => randomUUID()
