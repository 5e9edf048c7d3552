import type { SendManyItemResult, SendManyProgress } from '@kirim/core'

/** Shows a broadcast as it goes. */
export interface Reporter {
  /** Each item as it settles. */
  item(progress: SendManyProgress, result: SendManyItemResult): void
  /** A note (Ctrl-C was pressed), without breaking the display. */
  note(text: string): void
  /** The broadcast is over: leave the display as it is. */
  stop(): void
}
