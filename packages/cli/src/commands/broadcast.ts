import { extname } from 'node:path'
import { parseArgs } from 'node:util'
import {
  parseSendMessage,
  type SendManyItemResult,
  type SendManyResult,
  type SendMessageBody,
  ValidationError,
} from '@kirim/core'
import { CLIENT_OPTIONS, clientFor } from '../client.ts'
import { describeError } from '../describeError.ts'
import { BROADCAST_HELP } from '../help.ts'
import { EXIT, type Io, line } from '../io.ts'
import { barReporter } from '../progress/barReporter.ts'
import { describeItem, lineReporter } from '../progress/lineReporter.ts'
import type { Reporter } from '../progress/Reporter.ts'
import { readInput } from '../readInput.ts'
import { readCsvRows } from '../rows/csvRows.ts'
import { readJsonLines } from '../rows/jsonLines.ts'
import type { Rows } from '../rows/Rows.ts'
import { UsageError } from '../UsageError.ts'

/** How many problem items the summary lists before it only counts the rest. */
const LISTED_PROBLEMS = 20

const FORMATS: Readonly<Record<string, 'jsonl' | 'csv'>> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.csv': 'csv',
}

/** `kirim broadcast --batch NAME FILE`: one message per item of FILE, resumable by its batch. */
export async function broadcast(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      batch: { type: 'string' },
      format: { type: 'string' },
      template: { type: 'string' },
      language: { type: 'string' },
      concurrency: { type: 'string' },
      'dry-run': { type: 'boolean' },
      progress: { type: 'string' },
      ...CLIENT_OPTIONS,
    },
  })
  if (values.help) {
    line(io.stdout, BROADCAST_HELP)
    return EXIT.ok
  }
  const [file, ...extra] = positionals
  if (file === undefined) throw new UsageError('name the FILE to broadcast')
  if (extra.length > 0) throw new UsageError(`one FILE only (also got ${extra.join(' ')})`)
  const batch = values.batch
  if (batch === undefined) throw new UsageError('--batch NAME is required')
  const format = formatOf(file, values.format)
  const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency)
  if (values.progress !== undefined && !['bar', 'lines'].includes(values.progress)) {
    throw new UsageError(`--progress is bar or lines (got ${values.progress})`)
  }

  const text = await readInput(io, file)
  const rows =
    format === 'csv'
      ? readCsvRows(text, { template: values.template, language: values.language })
      : readJsonLines(text)
  if (format === 'jsonl' && (values.template || values.language)) {
    throw new UsageError('--template and --language go with a CSV file')
  }
  if (values['dry-run']) return dryRun(io, rows, values.from)

  const kirim = clientFor(io, values)
  const total = rows.bodies.length
  const useBar = values.progress ? values.progress === 'bar' : io.stderr.isTTY === true
  const reporter: Reporter = useBar ? barReporter(io, total) : lineReporter(io, rows.problems)
  const problems: SendManyItemResult[] = []

  const controller = new AbortController()
  const stopListening = io.onInterrupt(() => {
    if (controller.signal.aborted) {
      // The second Ctrl-C: quit now. Nothing is lost: a rerun replays what Kirim accepted.
      reporter.stop()
      process.exit(EXIT.interrupted)
    }
    controller.abort()
    reporter.note(
      'Stopping: nothing new starts, what is in flight finishes. Ctrl-C again to quit now.',
    )
  })
  let result: SendManyResult
  try {
    result = await kirim.messages.sendMany(rows.bodies as SendMessageBody[], {
      batch,
      concurrency,
      signal: controller.signal,
      onProgress: (progress, item) => {
        if (item.error || item.message.status === 'failed') problems.push(item)
        reporter.item(progress, item)
      },
    })
  } catch (error) {
    // sendMany checks its options before anything is sent: a bad flag, named as a flag.
    if (!(error instanceof ValidationError)) throw error
    throw new UsageError(
      error.issues
        .map(({ path, message }) => `${path.replace(/^options\./, '--')} ${message}`)
        .join('; '),
    )
  } finally {
    stopListening()
    reporter.stop()
  }
  return summarise(io, batch, rows, result, problems)
}

const formatOf = (file: string, given: string | undefined): 'jsonl' | 'csv' => {
  if (given !== undefined) {
    if (given !== 'jsonl' && given !== 'csv')
      throw new UsageError(`--format is jsonl or csv (got ${given})`)
    return given
  }
  const format = FORMATS[extname(file).toLowerCase()]
  if (!format)
    throw new UsageError(
      `cannot tell the format of ${file}: name it .jsonl or .csv, or give --format`,
    )
  return format
}

/** Checks every item as `sendMany` would, sends nothing. */
const dryRun = (io: Io, rows: Rows, from: string | undefined): number => {
  let invalid = 0
  for (const [index, body] of rows.bodies.entries()) {
    try {
      const withFrom =
        from !== undefined && typeof body === 'object' && body !== null && !('from' in body)
          ? { ...body, from }
          : body
      parseSendMessage(withFrom)
    } catch (error) {
      invalid++
      const reason = rows.problems.get(index) ?? describeError(error)
      line(io.stdout, `${index} invalid (${rows.where(index)}): ${reason}`)
    }
  }
  const total = rows.bodies.length
  line(
    io.stdout,
    `Dry run: ${total} ${plural(total, 'item')}, ${total - invalid} valid, ${invalid} invalid; nothing was sent.`,
  )
  return invalid === 0 ? EXIT.ok : EXIT.failed
}

const summarise = (
  io: Io,
  batch: string,
  rows: Rows,
  result: SendManyResult,
  problems: readonly SendManyItemResult[],
): number => {
  const total = rows.bodies.length
  const invalid = problems.filter((item) => item.error?.name === 'ValidationError').length
  const cameBackFailed = problems.filter((item) => !item.error).length
  const parts = [
    `${result.sent} sent`,
    `${result.replayed} replayed`,
    `${result.failed} not sent${invalid > 0 ? ` (${invalid} invalid)` : ''}`,
    ...(cameBackFailed > 0 ? [`${cameBackFailed} came back failed`] : []),
  ]
  line(io.stdout, `Broadcast "${batch}": ${total} ${plural(total, 'item')}: ${parts.join(', ')}.`)
  const sorted = [...problems].sort((a, b) => a.index - b.index)
  for (const item of sorted.slice(0, LISTED_PROBLEMS)) {
    const where = `item ${item.index} (${rows.where(item.index)})`
    line(io.stdout, `  ${where}: ${describeItem(item, rows.problems.get(item.index))}`)
  }
  if (sorted.length > LISTED_PROBLEMS)
    line(io.stdout, `  … and ${sorted.length - LISTED_PROBLEMS} more`)
  if (result.stoppedAt !== undefined) {
    line(
      io.stdout,
      `Stopped before item ${result.stoppedAt} of ${total}: run the same command again to send the rest (the items before are replayed, not sent twice).`,
    )
    return EXIT.interrupted
  }
  return problems.length > 0 ? EXIT.failed : EXIT.ok
}

const plural = (count: number, word: string) => (count === 1 ? word : `${word}s`)
