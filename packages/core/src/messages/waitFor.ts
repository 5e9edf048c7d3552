import { ConnectionError } from '../errors/ConnectionError.ts'
import { ValidationError, type ValidationIssue } from '../errors/ValidationError.ts'
import { checkTimeout, issue, issuesOf } from '../internal/checkOptions.ts'
import { sleep } from '../internal/sleep.ts'
import { describeValue, type Message, type MessageStatus, STATUS_RANK } from '../schemas/index.ts'
import { checkMessageId } from './messageId.ts'

/** Options of `kirim.messages.waitFor`. */
export interface WaitForOptions {
  /** The status to wait for. A later one counts too (`read` satisfies `delivered`), and so does `failed`, which is final. */
  readonly until: 'sent' | 'delivered' | 'read'
  /** Stops waiting: rejects with `ConnectionError` (`code: 'aborted'`). */
  readonly signal?: AbortSignal | undefined
  /**
   * Milliseconds to wait in all before giving up with `ConnectionError` (`code: 'wait_timeout'`).
   *
   * @default 60000
   */
  readonly timeout?: number | undefined
  /**
   * Milliseconds before the second poll; each pause doubles, up to 5 s, with ±25 % jitter.
   *
   * @default 250
   */
  readonly interval?: number | undefined
}

const maxIntervalMs = 5000
const targets: readonly string[] = ['sent', 'delivered', 'read']

// Jitter keeps many waiting clients from polling in step.
const pause = (poll: number, interval: number): number =>
  Math.min(maxIntervalMs, interval * 2 ** poll) * (0.75 + Math.random() / 2)

// `read` satisfies `delivered`; `read` and `failed`, the terminal statuses, share the top rank.
const reached = (status: MessageStatus, until: MessageStatus): boolean =>
  STATUS_RANK[status] >= STATUS_RANK[until]

const optionIssues = (options: unknown): ValidationIssue[] => {
  const { until, timeout, interval } = (options ?? {}) as Record<string, unknown>
  return issuesOf(
    targets.includes(until as string) ||
      issue(
        'options.until',
        `must be one of "sent", "delivered", "read" (got ${describeValue(until)})`,
      ),
    checkTimeout('options.timeout', timeout),
    checkTimeout('options.interval', interval),
  )
}

/**
 * Polls `get` until the message reaches `options.until` or a terminal status. The overall timeout
 * aborts the poll in flight too, so it holds even when one poll hangs.
 */
export const waitFor = async (
  get: (signal: AbortSignal) => Promise<Message>,
  id: string,
  options: WaitForOptions,
): Promise<Message> => {
  const issues = [...issuesOf(checkMessageId(id)), ...optionIssues(options)]
  if (issues.length > 0) throw new ValidationError(issues, 'waitFor call')
  const { until, timeout = 60_000, interval = 250 } = options
  const caller = options.signal
  const deadline = new AbortController()
  const signal = caller === undefined ? deadline.signal : AbortSignal.any([caller, deadline.signal])
  const timer = setTimeout(
    () => deadline.abort(new DOMException('waitFor timed out', 'TimeoutError')),
    timeout,
  )
  let last: Message | undefined
  try {
    for (let poll = 0; ; poll++) {
      last = await get(signal)
      if (reached(last.status, until)) return last
      await sleep(pause(poll, interval), signal)
    }
  } catch (error) {
    if (caller?.aborted) {
      throw new ConnectionError(`Waiting for message ${id} was aborted by the caller's signal.`, {
        code: 'aborted',
        cause: caller.reason,
      })
    }
    if (deadline.signal.aborted) {
      throw new ConnectionError(
        `Message ${id} did not reach "${until}" within ${timeout} ms (last status: ${last?.status ?? 'unknown'}).`,
        { code: 'wait_timeout', raw: last, cause: error },
      )
    }
    throw error
  } finally {
    clearTimeout(timer)
  }
}
