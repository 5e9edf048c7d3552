import type { SendManyItemResult } from '@kirim/core'
import { describeError } from '../describeError.ts'
import { type Io, line } from '../io.ts'
import type { Reporter } from './Reporter.ts'

/**
 * How an item ended, in a few words: `sent <id>`, `replayed <id>`, `came back failed <id>
 * <code>`, `invalid <rules>` (or why the row could not be read), `not sent <code>: <message>`.
 */
export const describeItem = (result: SendManyItemResult, problem?: string): string => {
  if (result.error) {
    if (result.error.name === 'ValidationError') {
      return `invalid ${problem ?? describeError(result.error)}`
    }
    return `not sent ${describeError(result.error)}`
  }
  const { message } = result
  if (message.status === 'failed') {
    return `came back failed ${message.id} ${message.error?.code ?? 'unknown'}`
  }
  return `${result.replayed ? 'replayed' : 'sent'} ${message.id}`
}

/** Plain lines, `<index> <outcome>`: what `kirim broadcast` prints when not on a terminal. */
export const lineReporter = (io: Io, problems: ReadonlyMap<number, string>): Reporter => ({
  item: (_, result) =>
    line(io.stdout, `${result.index} ${describeItem(result, problems.get(result.index))}`),
  note: (text) => line(io.stderr, text),
  stop: () => {},
})
