import type { Message } from '@kirim/core'
import type { QueryClient } from '@tanstack/react-query'
import { kirimKeys } from '../keys/kirimKeys.ts'
import { isStatusAdvance } from './mergeStatus.ts'

/**
 * Puts a message the API just returned into the cache, unless the cache already holds it at the
 * same or a later status (an event may have overtaken the send's own response).
 */
export function seedMessage(queryClient: QueryClient, message: Message): void {
  const queryKey = kirimKeys.message(message.id)
  const cached = queryClient.getQueryData<Message>(queryKey)
  if (cached === undefined || isStatusAdvance(cached.status, message.status)) {
    queryClient.setQueryData<Message>(queryKey, message)
  }
}
