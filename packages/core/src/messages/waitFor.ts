import { timeoutIssues } from '../core/checkOptions.ts'
import { sleep } from '../core/sleep.ts'
import { ConnectionError } from '../errors/ConnectionError.ts'
import { ValidationError, type ValidationIssue } from '../errors/ValidationError.ts'
import {
  isTerminalStatus,
  laterStatus,
  type Message,
  type MessageStatus,
} from '../schemas/index.ts'
import { messageIdIssues } from './messageId.ts'

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

const reached = (status: MessageStatus, until: MessageStatus): boolean =>
  isTerminalStatus(status) || status === until || laterStatus(until, status) === status

const optionIssues = (options: unknown): ValidationIssue[] => {
  if (typeof options !== 'object' || options === null) {
    return [
      {
        path: 'options.until',
        message: `is required (one of ${targets.map((t) => `"${t}"`).join(', ')})`,
      },
    ]
  }
  const { until, timeout, interval } = options as Record<string, unknown>
  return [
    ...(typeof until === 'string' && targets.includes(until)
      ? []
      : [
          {
            path: 'options.until',
            message: `must be one of "sent", "delivered", "read" (got ${JSON.stringify(until) ?? 'undefined'})`,
          },
        ]),
    ...timeoutIssues('options.timeout', timeout),
    ...timeoutIssues('options.interval', interval),
  ]
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
  const issues = [...messageIdIssues(id), ...optionIssues(options)]
  if (issues.length > 0) throw new ValidationError(issues, 'waitFor call')
  const { until, timeout = 60_000, interval = 250 } = options
  const caller = options.signal
  if (caller?.aborted) {
    throw new ConnectionError(`Waiting for message ${id} was aborted by the caller's signal.`, {
      code: 'aborted',
      cause: caller.reason,
    })
  }

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
      if (error instanceof ConnectionError && error.code === 'aborted') throw error
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
