import {
  _standardSchema,
  type BaseIssue,
  type ObjectEntries,
  type StrictObjectSchema,
  strictObject,
} from 'valibot'

/**
 * An object schema for a Kirim-defined shape: like valibot's `strictObject`, an unknown key is an
 * issue (`image.captoin` → "unknown field", which catches typos), but EVERY unknown key is
 * reported, not only the first, so one failed send lists everything to fix.
 *
 * @example
 * const Caption = strict({ caption: optional(string()) })
 */
/* @__NO_SIDE_EFFECTS__ */
export function strict<const TEntries extends ObjectEntries>(
  entries: TEntries,
): StrictObjectSchema<TEntries, undefined> {
  const base = strictObject(entries)
  const run: (typeof base)['~run'] = (dataset, config) => {
    const input: unknown = dataset.value
    const output = base['~run'](dataset, config)
    if (config.abortEarly || !output.issues || input === null || typeof input !== 'object') {
      return output
    }
    // valibot stops at the first unknown key; clone its issue for every later one.
    const first = output.issues.find(
      (issue) =>
        issue.type === 'strict_object' &&
        issue.expected === 'never' &&
        issue.path?.length === 1 &&
        issue.path[0].input === input,
    )
    const item = first?.path?.[0]
    if (!first || item?.type !== 'object') return output
    const record = input as Record<string, unknown>
    let seenFirst = false
    for (const key in record) {
      if (Object.hasOwn(entries, key)) continue
      if (!seenFirst) {
        seenFirst = true
        continue
      }
      const issue: BaseIssue<unknown> = {
        ...first,
        input: key,
        received: `"${key}"`,
        path: [{ ...item, key, value: record[key] }],
      }
      output.issues.push(issue as (typeof output.issues)[number])
    }
    return output
  }
  const { '~standard': _, ...rest } = base
  return _standardSchema<StrictObjectSchema<TEntries, undefined>>({ ...rest, '~run': run })
}
