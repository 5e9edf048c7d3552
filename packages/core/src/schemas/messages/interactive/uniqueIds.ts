import type { IssuePathItem } from 'valibot'
import { describeValue } from '../../describe.ts'
import { formatPath, pathTo } from '../../path.ts'

// The check runs on `interactive.action` alone, which always sits there in a send body, so the
// first occurrence can be named by its full path.
const ACTION_PATH = 'interactive.action'

type AddIssue = (info: { message: string; path: [IssuePathItem, ...IssuePathItem[]] }) => void

/**
 * Tracks the ids of one action's rows or buttons: `see(id, keys)` reports an id seen before, at
 * its own path (`keys` from the action), naming where it first appeared.
 */
export function uniqueIds(action: unknown, noun: string, addIssue: AddIssue) {
  const firstAt = new Map<string, string>()
  return (id: unknown, keys: [string, ...(string | number)[]]): void => {
    if (typeof id !== 'string') return
    const first = firstAt.get(id)
    if (first === undefined) firstAt.set(id, formatPath(keys))
    else {
      addIssue({
        message: `duplicate ${noun} id ${describeValue(id)} (also at ${ACTION_PATH}.${first})`,
        path: pathTo(action, keys),
      })
    }
  }
}
