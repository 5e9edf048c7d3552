import type { Kirim, KirimError, Message } from '@kirim/core'
import { queryOptions } from '@tanstack/react-query'
import { kirimKeys } from '../keys/kirimKeys.ts'
import { isSettledMessage, keepLaterStatus } from './mergeStatus.ts'

/**
 * The query of one message (`GET /v1/messages/{id}`), for `useQuery`, `useSuspenseQuery`,
 * `prefetchQuery` and loaders. A refetch never moves the status backwards (a late answer keeps
 * the cached, further-along message), and a `read` or `failed` message never goes stale.
 * Transient failures are retried by the client itself, so TanStack's `retry` is off.
 *
 * `useMessageStatus` builds on it, adding live updates or polling.
 *
 * @example
 * const { data: message } = useSuspenseQuery(messageQueryOptions(kirim, id))
 * await queryClient.prefetchQuery(messageQueryOptions(kirim, id))
 */
export function messageQueryOptions(client: Kirim, id: string) {
  return queryOptions<Message, KirimError, Message, ReturnType<typeof kirimKeys.message>>({
    queryKey: kirimKeys.message(id),
    queryFn: ({ signal }) => client.messages.get(id, { signal }),
    structuralSharing: keepLaterStatus,
    staleTime: (query) => (isSettledMessage(query.state.data) ? Number.POSITIVE_INFINITY : 0),
    retry: false,
  })
}
