import type { Kirim, KirimError, Message, MessageStatus } from '@kirim/core'
import { QueryClient, useQueries, useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { describe, expectTypeOf, test } from 'vitest'
import { messagePollingInterval } from './messagePollingInterval.ts'
import { messageQueryOptions } from './messageQueryOptions.ts'
import { useMessageStatus } from './useMessageStatus.ts'

declare const kirim: Kirim
declare const id: string

describe('useMessageStatus types', () => {
  test('data and error are typed without annotations', () => {
    const status = useMessageStatus(id)
    expectTypeOf(status.data).toEqualTypeOf<Message | undefined>()
    expectTypeOf(status.error).toEqualTypeOf<KirimError | null>()
    expectTypeOf(useMessageStatus(undefined).data).toEqualTypeOf<Message | undefined>()
  })

  test('select narrows what the component reads', () => {
    const status = useMessageStatus(id, { select: (message) => message.status })
    expectTypeOf(status.data).toEqualTypeOf<MessageStatus | undefined>()
  })

  test('messageQueryOptions types useQuery, useSuspenseQuery, useQueries and the cache', () => {
    expectTypeOf(useQuery(messageQueryOptions(kirim, id)).data).toEqualTypeOf<Message | undefined>()
    expectTypeOf(useQuery(messageQueryOptions(kirim, id)).error).toEqualTypeOf<KirimError | null>()
    expectTypeOf(useSuspenseQuery(messageQueryOptions(kirim, id)).data).toEqualTypeOf<Message>()
    const [first] = useQueries({ queries: [messageQueryOptions(kirim, id)] })
    expectTypeOf(first.data).toEqualTypeOf<Message | undefined>()
    const queryClient = new QueryClient()
    expectTypeOf(queryClient.getQueryData(messageQueryOptions(kirim, id).queryKey)).toEqualTypeOf<
      Message | undefined
    >()
    expectTypeOf(
      queryClient.fetchQuery(messageQueryOptions(kirim, id)),
    ).resolves.toEqualTypeOf<Message>()
  })

  test('messagePollingInterval plugs into useQuery as its refetchInterval', () => {
    const polled = useQuery({
      ...messageQueryOptions(kirim, id),
      refetchInterval: messagePollingInterval(),
    })
    expectTypeOf(polled.data).toEqualTypeOf<Message | undefined>()
  })
})
