'use client'
import type { KirimError, Message, SendMessageBody } from '@kirim/core'
import { type UseMutationOptions, type UseMutationResult, useMutation } from '@tanstack/react-query'
import { useCallback } from 'react'
import { useStreamHold } from '../events/useStreamHold.ts'
import { useKirimContext } from '../provider/useKirimContext.ts'
import { sendMessageMutationOptions } from './sendMessageMutationOptions.ts'

/** Options of {@link useSendMessage}: `useMutation`'s, minus what the hook sets itself. */
export type UseSendMessageOptions<TOnMutateResult = unknown> = Omit<
  UseMutationOptions<Message, KirimError, SendMessageBody, TOnMutateResult>,
  'mutationFn' | 'mutationKey'
>

/**
 * Sends a message: `useMutation` over {@link sendMessageMutationOptions}. One idempotency key
 * per `mutate()`, reused by retries; a second `mutate()` with the same variables while the first
 * is in flight sends nothing more; on success the message is in the cache, so
 * `useMessageStatus(data.id)` shows `pending` at once.
 *
 * With the provider's `events`, the first `mutate()` also opens the status stream (held until
 * the component unmounts), so no status change after the send is missed.
 *
 * @example
 * const send = useSendMessage()
 * const status = useMessageStatus(send.data?.id)
 *
 * <button
 *   disabled={send.isPending}
 *   onClick={() => send.mutate({ to: '+628111111111', type: 'text', text: { body: 'Halo' } })}
 * />
 * {send.error && <p>{send.error.code}</p>}
 * {status.data && <p>{status.data.status}</p>}
 */
export function useSendMessage<TOnMutateResult = unknown>(
  options: UseSendMessageOptions<TOnMutateResult> = {},
): UseMutationResult<Message, KirimError, SendMessageBody, TOnMutateResult> {
  const { client, stream } = useKirimContext('useSendMessage')
  const hold = useStreamHold(stream)
  const { mutationKey, mutationFn } = sendMessageMutationOptions(client)
  const result = useMutation({ ...options, mutationKey, mutationFn })
  const { mutate: baseMutate, mutateAsync: baseMutateAsync } = result
  const mutate: typeof baseMutate = useCallback(
    (variables, callbacks) => {
      hold()
      baseMutate(variables, callbacks)
    },
    [hold, baseMutate],
  )
  const mutateAsync: typeof baseMutateAsync = useCallback(
    (variables, callbacks) => {
      hold()
      return baseMutateAsync(variables, callbacks)
    },
    [hold, baseMutateAsync],
  )
  return { ...result, mutate, mutateAsync }
}
