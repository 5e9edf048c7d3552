import type { Message } from '@kirim/core'
import type { QueryState } from '@tanstack/react-query'
import type { StatusStream, StreamState } from '../events/StatusStream.ts'
import { isSettledMessage } from './mergeStatus.ts'
import {
  DEFAULT_POLL_INTERVAL,
  messagePollingInterval,
  type PollingOptions,
} from './messagePollingInterval.ts'

/** What the freshness rule reads of a message query. */
type MessageQuery = { readonly state: Pick<QueryState<Message, unknown>, 'data' | 'dataUpdatedAt'> }

/**
 * How a message query stays current: through `stream` while it is up, by polling without one
 * and while it is down (`reconnecting`, `failed`). The `staleTime`, `refetchInterval` and
 * `refetchIntervalInBackground` of `useMessageStatus`, `state` being the stream's state at
 * render.
 */
export function messageFreshness(
  stream: Pick<StatusStream, 'getState' | 'isCovered'> | undefined,
  state: StreamState,
  options: PollingOptions,
) {
  // While the stream connects or is open it is trusted; polling meanwhile would only race it.
  const polling = stream === undefined || state === 'reconnecting' || state === 'failed'
  const pollInterval = options.pollInterval ?? DEFAULT_POLL_INTERVAL
  return {
    staleTime: (query: MessageQuery): number => {
      if (isSettledMessage(query.state.data)) return Number.POSITIVE_INFINITY
      if (polling) return pollInterval
      // Data the stream has covered since it was written is current. Before the stream opens,
      // cached data is kept: the stream refetches what it could have missed once it is open.
      return stream.getState() !== 'open' || stream.isCovered(query.state.dataUpdatedAt)
        ? Number.POSITIVE_INFINITY
        : 0
    },
    refetchInterval: polling ? messagePollingInterval(options) : (false as const),
    // A tab in the background polls nothing; focusing it refetches what went stale.
    refetchIntervalInBackground: false,
  }
}
