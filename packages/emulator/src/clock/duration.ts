const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
}

const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g
const WHOLE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/

/**
 * Milliseconds from a number of ms or a duration string: `"25h"`, `"10m"`, `"30s"`,
 * `"250ms"`, `"1d"`, or combined (`"1h30m"`). A string of digits alone is ms.
 * Throws a `RangeError` for anything else, negatives included.
 */
export function parseDuration(by: number | string): number {
  if (typeof by === 'number') {
    if (!Number.isFinite(by) || by < 0) {
      throw new RangeError(`A duration must be a finite number of ms ≥ 0 (got ${by}).`)
    }
    return by
  }
  const text = by.trim()
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text)
  if (!WHOLE.test(text)) {
    throw new RangeError(
      `A duration must look like "25h", "10m", "30s", "250ms", "1d" or "1h30m" (got "${by}").`,
    )
  }
  let total = 0
  for (const [, amount, unit] of text.matchAll(PART)) {
    total += Number(amount) * (UNIT_MS[unit ?? 'ms'] ?? 1)
  }
  return total
}
