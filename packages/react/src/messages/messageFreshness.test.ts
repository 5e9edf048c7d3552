import type { Message, MessageStatus } from '@kirim/core'
import { describe, expect, test } from 'vitest'
import type { StreamState } from '../events/StatusStream.ts'
import { messageFreshness } from './messageFreshness.ts'
import { DEFAULT_POLL_INTERVAL } from './messagePollingInterval.ts'

const WRITTEN_AT = 1_000
const query = (status: MessageStatus) => ({
  state: { data: { id: 'msg_1', status } as Message, dataUpdatedAt: WRITTEN_AT },
})
/** A stream in `state` that has listened without a gap since `coveredSince`. */
const streamIn = (state: StreamState, coveredSince = 0) => ({
  getState: () => state,
  isCovered: (dataUpdatedAt: number) => dataUpdatedAt >= coveredSince,
})
const INFINITY = Number.POSITIVE_INFINITY

describe('messageFreshness', () => {
  test('without a stream: polls, each poll stale after pollInterval (1 s unless given)', () => {
    const fresh = messageFreshness(undefined, 'idle', {})
    expect(fresh.staleTime(query('sent'))).toBe(DEFAULT_POLL_INTERVAL)
    expect(DEFAULT_POLL_INTERVAL).toBe(1000)
    expect(typeof fresh.refetchInterval).toBe('function')
    expect(
      messageFreshness(undefined, 'idle', { pollInterval: 250 }).staleTime(query('sent')),
    ).toBe(250)
  })

  test('a settled message never goes stale, stream or not', () => {
    for (const status of ['read', 'failed'] as const) {
      expect(messageFreshness(undefined, 'idle', {}).staleTime(query(status))).toBe(INFINITY)
      expect(messageFreshness(streamIn('open', 5_000), 'open', {}).staleTime(query(status))).toBe(
        INFINITY,
      )
    }
  })

  test('an open stream: current if covered since it was written, stale otherwise; no polling', () => {
    const covered = messageFreshness(streamIn('open', WRITTEN_AT), 'open', {})
    expect(covered.staleTime(query('sent'))).toBe(INFINITY)
    expect(covered.refetchInterval).toBe(false)
    const gap = messageFreshness(streamIn('open', WRITTEN_AT + 1), 'open', {})
    expect(gap.staleTime(query('sent'))).toBe(0)
  })

  test('a stream still connecting is trusted: cached data is kept, nothing polls', () => {
    const fresh = messageFreshness(streamIn('connecting', WRITTEN_AT + 1), 'connecting', {})
    expect(fresh.staleTime(query('pending'))).toBe(INFINITY)
    expect(fresh.refetchInterval).toBe(false)
  })

  test('a stream that is down (reconnecting, failed) polls as if there were none', () => {
    for (const state of ['reconnecting', 'failed'] as const) {
      const fresh = messageFreshness(streamIn(state), state, { pollInterval: 50 })
      expect(fresh.staleTime(query('delivered'))).toBe(50)
      expect(typeof fresh.refetchInterval).toBe('function')
      expect(fresh.refetchIntervalInBackground).toBe(false)
    }
  })
})
