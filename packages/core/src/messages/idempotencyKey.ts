import { type Check, issue } from '../internal/checkOptions.ts'
import { randomUUID } from '../internal/environment.ts'
import { describeValue } from '../schemas/describe.ts'
import { IDEMPOTENCY_KEY_RULE, isIdempotencyKey } from '../schemas/rules.ts'

/** A caller's `Idempotency-Key`: the one rule of `schemas/rules.ts`, which the proxy checks too. */
export const checkIdempotencyKey = (key: unknown): Check =>
  key === undefined ||
  isIdempotencyKey(key) ||
  issue('options.idempotencyKey', `must be ${IDEMPOTENCY_KEY_RULE} (got ${describeValue(key)})`)

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
