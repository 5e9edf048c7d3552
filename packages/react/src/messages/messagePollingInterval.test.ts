import type { Message, MessageStatus } from '@kirim/core'
import type { QueryState } from '@tanstack/react-query'
import { describe, expect, test } from 'vitest'
import { messagePollingInterval } from './messagePollingInterval.ts'

const data = (status: MessageStatus) => ({ id: 'msg_1', status }) as Message

/** A query object whose state moves as polls land; the interval function reads it as TanStack would. */
function query(status: MessageStatus) {
  const state = { data: data(status), dataUpdateCount: 1, errorUpdateCount: 0 } as QueryState<
    Message,
    unknown
  >
  return {
    state,
    poll(next?: MessageStatus, failed = false) {
      if (failed) state.errorUpdateCount++
      else {
        state.dataUpdateCount++
        if (next !== undefined) state.data = data(next)
      }
    },
  }
}

describe('messagePollingInterval', () => {
  test('doubles with every unchanged poll up to the maximum, and starts over after a change', () => {
    const interval = messagePollingInterval({ pollInterval: 1000, maxPollInterval: 8000 })
    const q = query('pending')
    const seen: (number | false)[] = [interval(q)]
    for (let i = 0; i < 5; i++) {
      q.poll()
      seen.push(interval(q))
    }
    q.poll('sent')
    seen.push(interval(q), interval(q))
    q.poll()
    seen.push(interval(q))
    expect(seen).toEqual([1000, 2000, 4000, 8000, 8000, 8000, 1000, 1000, 2000])
  })

  test('backs off on failed polls too', () => {
    const interval = messagePollingInterval({ pollInterval: 100, maxPollInterval: 1000 })
    const q = query('sent')
    interval(q)
    q.poll(undefined, true)
    expect(interval(q)).toBe(200)
  })

  test('stops at read and failed', () => {
    const interval = messagePollingInterval()
    expect(interval(query('read'))).toBe(false)
    expect(interval(query('failed'))).toBe(false)
    expect(interval(query('delivered'))).toBe(1000)
  })
})
