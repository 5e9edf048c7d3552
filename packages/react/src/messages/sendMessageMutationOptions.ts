import type { Kirim, KirimError, Message, SendMessageBody } from '@kirim/core'
import { mutationOptions } from '@tanstack/react-query'
import { kirimKeys } from '../keys/kirimKeys.ts'
import { seedMessage } from './seedMessage.ts'
import { sendOnce } from './sendOnce.ts'

/**
 * The mutation that sends a message (`POST /v1/messages`), for `useMutation` and
 * `queryClient.getMutationCache()`. Whatever callbacks you add, it:
 *
 * - sends each `mutate()` with one idempotency key, reused when TanStack's `retry` calls it again,
 *   so a retry never sends twice;
 * - attaches a `mutate()` whose variables equal those of a send still in flight to that send
 *   (a double click sends once);
 * - seeds the sent message into the cache (`messageQueryOptions(client, id)`), so
 *   `useMessageStatus(id)` shows `pending` at once, without a request.
 *
 * A failure Kirim knows at once (window closed, recipient blocked) is not an error: the message
 * comes back with `status: 'failed'` and `error`. Errors are `KirimError`s.
 *
 * @example
 * const send = useMutation(sendMessageMutationOptions(kirim))
 * send.mutate({ to: '+628111111111', type: 'text', text: { body: 'Halo' } })
 */
export function sendMessageMutationOptions(client: Kirim) {
  return mutationOptions<Message, KirimError, SendMessageBody>({
    mutationKey: kirimKeys.sendMessage(),
    mutationFn: async (body, context) => {
      const message = await sendOnce(client, body)
      seedMessage(context.client, message)
      return message
    },
  })
}
