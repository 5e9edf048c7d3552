'use client'
import type { KirimError, Message } from '@kirim/core'
import { skipToken, type UseQueryResult, useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useStreamState } from '../events/useStreamState.ts'
import type { kirimKeys } from '../keys/kirimKeys.ts'
import { useKirimContext } from '../provider/useKirimContext.ts'
import { messageFreshness } from './messageFreshness.ts'
import type { PollingOptions } from './messagePollingInterval.ts'
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
  const state = useStreamState(stream)
  // Holds the stream open while mounted, and marks the message as one to refetch should the
  // stream reopen with a gap.
  useEffect(() => {
    if (stream === undefined || !enabled) return undefined
    return stream.watch(id)
  }, [stream, enabled, id])
  const base = messageQueryOptions(client, id ?? '')
  return useQuery<Message, KirimError, TData, ReturnType<typeof kirimKeys.message>>({
    ...base,
    ...messageFreshness(stream, state, options),
    queryFn: enabled ? base.queryFn : skipToken,
    enabled,
    select: options.select,
  })
}
