import { isTerminalStatus, type Message } from '@kirim/core'
import type { QueryState } from '@tanstack/react-query'

/** The first wait between polls, in milliseconds: a status often moves within a second. */
export const DEFAULT_POLL_INTERVAL = 1000

/** How often a message is polled when there is no event stream. */
export interface PollingOptions {
  /**
   * Milliseconds between polls while the status keeps changing.
   *
   * @default 1000
   */
  readonly pollInterval?: number | undefined
  /**
   * The longest wait between polls: each poll that finds the status unchanged doubles the
   * wait, up to this.
   *
   * @default 30000
   */
  readonly maxPollInterval?: number | undefined
}

// Per query: the data last seen and how many fetches the query had then. Shared by every
// observer of the query and by every render, so the count survives re-renders.
const lastChange = new WeakMap<object, { readonly data: unknown; readonly at: number }>()

/**
 * A `refetchInterval` that polls a message with backoff and stops at a terminal status:
 * `pollInterval` after a change, doubling with every unchanged (or failed) poll up to
 * `maxPollInterval`, and `false` once the message is `read` or `failed`.
 *
 * @example
 * useQuery({ ...messageQueryOptions(kirim, id), refetchInterval: messagePollingInterval() })
 */
export function messagePollingInterval(options: PollingOptions = {}) {
  const initial = options.pollInterval ?? DEFAULT_POLL_INTERVAL
  const max = options.maxPollInterval ?? 30_000
  return (query: { readonly state: QueryState<Message, unknown> }): number | false => {
    const { data, dataUpdateCount, errorUpdateCount } = query.state
    if (data !== undefined && isTerminalStatus(data.status)) return false
    const polls = dataUpdateCount + errorUpdateCount
    let change = lastChange.get(query)
    if (change === undefined || change.data !== data) {
      change = { data, at: polls }
      lastChange.set(query, change)
    }
    return Math.min(initial * 2 ** (polls - change.at), max)
  }
}
