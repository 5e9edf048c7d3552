import type { Check } from '../../internal/checkOptions.ts'
import type { SendManyPort } from './port.ts'

/** The widest index an item can have, `Number.MAX_SAFE_INTEGER`: 16 digits. */
const WIDEST_INDEX = Number.MAX_SAFE_INTEGER

/**
 * The longest `batch` for a longest `Idempotency-Key` of `keyMax` (255): 238 characters, so
 * that `<batch>:<index>` fits for every index.
 */
export const batchMax = (keyMax: number): number =>
  keyMax - ':'.length - String(WIDEST_INDEX).length

/**
 * The `Idempotency-Key` of item `index` of the broadcast `batch`: `` `${batch}:${index}` ``, the
 * index in decimal from 0. Stable across versions (a test pins it): a rerun of the same
 * broadcast, on any version, replays what Kirim already accepted instead of sending it again.
 *
 * @example
 * batchKey('order-shipped-2026-05-04', 17) // 'order-shipped-2026-05-04:17'
 */
export const batchKey = (batch: string, index: number): string => `${batch}:${index}`

/**
 * A `batch`: a non-empty string whose key is an `Idempotency-Key` by the one rule of
 * `schemas/rules.ts` for every index, and that ends in no space (which that rule cannot see in
 * the key, the index coming after it).
 */
export const checkBatch = (
  { issue, describeValue, isIdempotencyKey, IDEMPOTENCY_KEY_MAX }: SendManyPort,
  path: string,
  value: unknown,
): Check =>
  (typeof value === 'string' &&
    value !== '' &&
    !value.endsWith(' ') &&
    isIdempotencyKey(batchKey(value, WIDEST_INDEX))) ||
  issue(
    path,
    `must name the broadcast, the same on every run: 1–${batchMax(IDEMPOTENCY_KEY_MAX)} printable ASCII characters without a space at either end, so that "<batch>:<index>" is an Idempotency-Key (got ${describeValue(value)})`,
  )
