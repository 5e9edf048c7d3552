import cliProgress from 'cli-progress'
import type { Io } from '../io.ts'
import type { Reporter } from './Reporter.ts'

/**
 * A progress bar on stderr (cli-progress): a single bar with the counts, redrawn in place, so a
 * long broadcast shows where it is without a line per message.
 */
export const barReporter = (io: Io, total: number): Reporter => {
  const bar = new cliProgress.SingleBar(
    {
      format:
        '{bar} {percentage}% | {value}/{total} | sent {sent} | replayed {replayed} | failed {failed}',
      stream: io.stderr,
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 1000,
      barsize: 30,
    },
    cliProgress.Presets.shades_classic,
  )
  bar.start(total, 0, { sent: 0, replayed: 0, failed: 0 })
  return {
    item: ({ done, sent, replayed, failed }) => bar.update(done, { sent, replayed, failed }),
    note: (text) => {
      // Below the bar, which redraws on its own line.
      io.stderr.write(`\n${text}\n`)
    },
    stop: () => bar.stop(),
  }
}
