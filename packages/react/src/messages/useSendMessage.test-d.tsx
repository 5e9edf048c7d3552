import type { Kirim, KirimError, Message, SendMessageBody } from '@kirim/core'
import { useMutation, useMutationState } from '@tanstack/react-query'
import { describe, expectTypeOf, test } from 'vitest'
import { kirimKeys } from '../keys/kirimKeys.ts'
import { sendMessageMutationOptions } from './sendMessageMutationOptions.ts'
import { useSendMessage } from './useSendMessage.ts'

declare const kirim: Kirim

describe('useSendMessage types', () => {
  test('data, error and variables are typed without annotations', () => {
    const send = useSendMessage()
    expectTypeOf(send.data).toEqualTypeOf<Message | undefined>()
    expectTypeOf(send.error).toEqualTypeOf<KirimError | null>()
    expectTypeOf(send.variables).toEqualTypeOf<SendMessageBody | undefined>()
    expectTypeOf(send.mutate).parameter(0).toEqualTypeOf<SendMessageBody>()
    expectTypeOf(send.mutateAsync).returns.resolves.toEqualTypeOf<Message>()
    if (send.isSuccess) expectTypeOf(send.data).toEqualTypeOf<Message>()
    if (send.isError) expectTypeOf(send.error).toEqualTypeOf<KirimError>()
  })

  test('a failed delivery is data: status and error.code are typed', () => {
    const { data } = useSendMessage()
    expectTypeOf(data?.status).toEqualTypeOf<
      'pending' | 'sent' | 'delivered' | 'read' | 'failed' | undefined
    >()
    expectTypeOf(data?.error?.code).toEqualTypeOf<string | undefined>()
  })

  test('a message body is checked at compile time', () => {
    const send = useSendMessage()
    // @ts-expect-error: a text message needs text.body
    send.mutate({ to: '+628111111111', type: 'text' })
    // @ts-expect-error: not a message type
    send.mutate({ to: '+628111111111', type: 'fax', fax: {} })
  })

  test("onMutate's result reaches the other callbacks, typed", () => {
    useSendMessage({
      onMutate: () => ({ startedAt: 1 }),
      onError: (error, _variables, context) => {
        expectTypeOf(error).toEqualTypeOf<KirimError>()
        expectTypeOf(context).toEqualTypeOf<{ startedAt: number } | undefined>()
      },
    })
  })

  test('the options factory types useMutation and useMutationState the same way', () => {
    const send = useMutation(sendMessageMutationOptions(kirim))
    expectTypeOf(send.data).toEqualTypeOf<Message | undefined>()
    expectTypeOf(send.error).toEqualTypeOf<KirimError | null>()
    const pending = useMutationState({
      filters: { mutationKey: kirimKeys.sendMessage(), status: 'pending' },
      select: (mutation) => mutation.state.variables as SendMessageBody,
    })
    expectTypeOf(pending).toEqualTypeOf<SendMessageBody[]>()
  })
})
