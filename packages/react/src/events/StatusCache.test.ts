import type { Message, MessageStatus } from '@kirim/core'
import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { kirimKeys } from '../keys/kirimKeys.ts'
import type { StatusUpdate } from '../messages/mergeStatus.ts'
import { MAX_STASHED, StatusCache } from './StatusCache.ts'

const idOf = (n: number) => `msg_${String(n).padStart(26, '0')}`
const message = (id: string, status: MessageStatus = 'pending'): Message => ({
  id,
  object: 'message',
  to: '+628111111111',
  type: 'text',
  status,
  created_at: '2026-05-24T08:00:00.000Z',
})
const update = (id: string, status: MessageStatus): StatusUpdate => ({ id, status })

let queryClient: QueryClient
let cache: StatusCache
const statusOf = (id: string) => queryClient.getQueryData<Message>(kirimKeys.message(id))?.status
const land = (id: string, status: MessageStatus = 'pending') =>
  queryClient.setQueryData(kirimKeys.message(id), message(id, status))

beforeEach(() => {
  queryClient = new QueryClient()
  cache = new StatusCache(queryClient)
  cache.listen()
})
afterEach(() => {
  cache.stop()
  queryClient.clear()
})

describe('StatusCache', () => {
  test('writes an update that moves the message forward, and nothing that would move it back', () => {
    land(idOf(1), 'delivered')
    const before = queryClient.getQueryData(kirimKeys.message(idOf(1)))
    cache.write(update(idOf(1), 'sent'))
    expect(queryClient.getQueryData(kirimKeys.message(idOf(1)))).toBe(before)
    cache.write(update(idOf(1), 'read'))
    expect(statusOf(idOf(1))).toBe('read')
    cache.write(update(idOf(1), 'failed'))
    expect(statusOf(idOf(1))).toBe('read')
  })

  test('an update that overtakes its message is applied when the message lands, the furthest one kept', () => {
    cache.write(update(idOf(1), 'delivered'))
    cache.write(update(idOf(1), 'sent'))
    expect(statusOf(idOf(1))).toBeUndefined()
    land(idOf(1))
    expect(statusOf(idOf(1))).toBe('delivered')
  })

  test(`stashes the latest ${MAX_STASHED} messages' updates, forgetting the oldest first`, () => {
    for (let n = 0; n <= MAX_STASHED; n++) cache.write(update(idOf(n), 'sent'))
    land(idOf(0))
    land(idOf(1))
    land(idOf(MAX_STASHED))
    expect([statusOf(idOf(0)), statusOf(idOf(1)), statusOf(idOf(MAX_STASHED))]).toEqual([
      'pending',
      'sent',
      'sent',
    ])
  })

  test('stop forgets the stash and stops catching up', () => {
    cache.write(update(idOf(1), 'sent'))
    cache.stop()
    land(idOf(1))
    expect(statusOf(idOf(1))).toBe('pending')
    cache.listen()
    land(idOf(1))
    expect(statusOf(idOf(1))).toBe('pending')
  })

  test('refetchOlderThan refetches the unsettled messages written before, once, and nothing else', async () => {
    const fetched: string[] = []
    const observe = (id: string) =>
      new QueryObserver(queryClient, {
        queryKey: kirimKeys.message(id),
        queryFn: async () => {
          fetched.push(id)
          return message(id, 'sent')
        },
        staleTime: Number.POSITIVE_INFINITY,
      }).subscribe(() => {})
    const [old, settled, fresh] = [idOf(1), idOf(2), idOf(3)]
    const since = Date.now() + 1
    land(old)
    land(settled, 'read')
    queryClient.setQueryData(kirimKeys.message(fresh), message(fresh), { updatedAt: since })
    const unsubscribe = [old, settled, fresh].map(observe)
    cache.refetchOlderThan([old, old, settled, fresh, idOf(4)], since)
    await vi.waitFor(() => expect(statusOf(old)).toBe('sent'))
    expect(fetched).toEqual([old])
    for (const stop of unsubscribe) stop()
  })
})
