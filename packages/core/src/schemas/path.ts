import type { IssuePathItem } from 'valibot'

/** A non-empty issue path, as valibot stores it. */
export type IssuePath = [IssuePathItem, ...IssuePathItem[]]

/**
 * Builds the valibot path items that lead from `root` through `keys`, so a cross-field check
 * can report an issue on the exact field it is about.
 */
export function pathTo(root: unknown, keys: readonly [PropertyKey, ...PropertyKey[]]): IssuePath {
  let input = root
  const items = keys.map((key): IssuePathItem => {
    const value = input == null ? undefined : (input as Record<PropertyKey, unknown>)[key]
    const item: IssuePathItem =
      typeof key === 'number' && Array.isArray(input)
        ? { type: 'array', origin: 'value', input, key, value }
        : {
            type: 'object',
            origin: 'value',
            input: input as Record<string, unknown>,
            key: String(key),
            value,
          }
    input = value
    return item
  })
  return items as IssuePath
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

/**
 * Formats path keys the way JavaScript would read them: dots between names, array indexes in
 * brackets, odd keys as quoted brackets.
 *
 * @example
 * formatPath(['interactive', 'action', 'sections', 0, 'rows', 3, 'title'])
 * // 'interactive.action.sections[0].rows[3].title'
 */
export function formatPath(keys: readonly unknown[]): string {
  let out = ''
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`
    else if (typeof key === 'string' && IDENTIFIER.test(key)) out += out ? `.${key}` : key
    else out += `[${JSON.stringify(String(key))}]`
  }
  return out
}

/** Whether a value is a plain object-like record (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
