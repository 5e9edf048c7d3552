import {
  _addIssue,
  _standardSchema,
  type BaseIssue,
  type Config,
  type GenericSchema,
  looseObject,
  type ObjectEntries,
  type StrictObjectSchema,
  type UnknownDataset,
} from 'valibot'

/**
 * An object schema for a Kirim-defined shape: like valibot's `strictObject`, an array is not an
 * object, and an unknown key is an issue (`image.captoin` → "unknown field", which catches typos), but EVERY unknown key is
 * reported, not only the first, so one failed send lists everything to fix. Built on
 * `looseObject`, which the response schemas need anyway, so the bundle carries one object
 * implementation. `unknownKey` words the issue of an unknown key (default: "unknown field").
 *
 * @example
 * const Caption = strict({ caption: optional(string()) })
 */
/* @__NO_SIDE_EFFECTS__ */
export function strict<const TEntries extends ObjectEntries>(
  entries: TEntries,
  unknownKey?: string,
): StrictObjectSchema<TEntries, undefined> {
  const base = looseObject(entries)
  const schema = {
    ...base,
    type: 'strict_object',
    reference: strict,
    '~run'(this: GenericSchema, dataset: UnknownDataset, config: Config<BaseIssue<unknown>>) {
      const input: unknown = dataset.value
      // valibot's objects take an array for an object; no Kirim-defined shape is one.
      if (Array.isArray(input)) {
        _addIssue(this, 'type', dataset, config)
        return dataset
      }
      base['~run'](dataset, config)
      if (!input || typeof input !== 'object' || (dataset.issues && config.abortEarly)) {
        return dataset
      }
      for (const key in input) {
        if (Object.hasOwn(entries, key)) continue
        const value = (input as Record<string, unknown>)[key]
        _addIssue(this, 'key', dataset, config, {
          input: key,
          expected: 'never',
          ...(unknownKey === undefined ? {} : { message: unknownKey }),
          path: [
            { type: 'object', origin: 'key', input: input as Record<string, unknown>, key, value },
          ],
        })
        if (config.abortEarly) break
      }
      return dataset
    },
  } as unknown as StrictObjectSchema<TEntries, undefined>
  return _standardSchema(schema)
}
