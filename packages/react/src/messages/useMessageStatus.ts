'use client'
import type { KirimError, Message } from '@kirim/core'
import { skipToken, type UseQueryResult, useQuery } from '@tanstack/react-query'
import { useEffect, useSyncExternalStore } from 'react'
import type { StreamState } from '../events/StatusStream.ts'
import type { kirimKeys } from '../keys/kirimKeys.ts'
import { useKirimContext } from '../provider/useKirimContext.ts'
import { isSettledMessage } from './mergeStatus.ts'
import { messagePollingInterval, type PollingOptions } from './messagePollingInterval.ts'
import { messageQueryOptions } from './messageQueryOptions.ts'

/** Options of {@link useMessageStatus}. */
export interface UseMessageStatusOptions<TData = Message> extends PollingOptions {
  /**
   * Picks what the component reads: it then re-renders only when the picked value changes.
   *
   * @example (message) => message.status
   */
  readonly select?: ((message: Message) => TData) | undefined
  /**
   * Set to `false` to neither fetch nor follow the message.
   *
   * @default true
   */
  readonly enabled?: boolean | undefined
}

const INFINITY = Number.POSITIVE_INFINITY
const noStream = (): (() => void) => () => {}
const idle = (): StreamState => 'idle'

/**
 * A message and its live status: `useQuery` over {@link messageQueryOptions}.
 *
 * - With the provider's `events`, status changes arrive through the proxy's event stream (one
 *   connection shared by every hook) and are written into the cache; nothing is polled while
 *   the stream is up.
 * - Without it, or while the stream is down, it polls: `pollInterval` after each change,
 *   backing off to `maxPollInterval`, paused while the tab is in the background, and stopped
 *   once the message is `read` or `failed`.
 *
 * Either way the status never moves backwards, whatever order updates arrive in. Pass
 * `undefined` as `id` to wait (e.g. until a send returns). A failed delivery is data, not an
 * error: `data.status === 'failed'` with `data.error.code`.
 *
 * @example
 * const { data: message } = useMessageStatus(id)
 * if (message?.status === 'failed') console.log(message.error?.code)
 *
 * const status = useMessageStatus(id, { select: (message) => message.status }).data
 */
export function useMessageStatus<TData = Message>(
  id: string | null | undefined,
  options: UseMessageStatusOptions<TData> = {},
): UseQueryResult<TData, KirimError> {
  const { client, stream } = useKirimContext('useMessageStatus')
  const enabled = options.enabled !== false && typeof id === 'string' && id.length > 0
  const state = useSyncExternalStore(stream?.subscribe ?? noStream, stream?.getState ?? idle, idle)
  useEffect(() => {
    if (stream === undefined || !enabled) return undefined
    return stream.watch(id)
  }, [stream, enabled, id])

  // Poll without a stream, and while the stream is down; trust it while it connects or is open.
  const polling = stream === undefined || state === 'reconnecting' || state === 'failed'
  const pollInterval = options.pollInterval ?? 1000
  const base = messageQueryOptions(client, id ?? '')
  return useQuery<Message, KirimError, TData, ReturnType<typeof kirimKeys.message>>({
    ...base,
    queryFn: enabled ? base.queryFn : skipToken,
    enabled,
    select: options.select,
    staleTime: (query) => {
      if (isSettledMessage(query.state.data)) return INFINITY
      if (polling) return pollInterval
      // Data the stream has covered since it was written is current. Before the stream opens,
      // cached data is kept: the stream refetches what it could have missed once it is open.
      return stream?.getState() !== 'open' || stream.isCovered(query.state.dataUpdatedAt)
        ? INFINITY
        : 0
    },
    refetchInterval: polling ? messagePollingInterval(options) : false,
    refetchIntervalInBackground: false,
  })
}
