import type { Message, MessageStatus } from '@kirim/core'
import { describe, expect, test } from 'vitest'
import { applyStatusUpdate, isStatusAdvance, keepLaterStatus } from './mergeStatus.ts'

const message = (status: MessageStatus, extra: Partial<Message> = {}): Message => ({
  id: 'msg_1',
  object: 'message',
  to: '+628111111111',
  type: 'text',
  status,
  created_at: '2026-05-24T08:00:00.000Z',
  updated_at: '2026-05-24T08:00:00.000Z',
  provider_message_id: 'wamid.1',
  error: null,
  ...extra,
})

const STATUSES: MessageStatus[] = ['pending', 'sent', 'delivered', 'read', 'failed']

describe('status merging', () => {
  test('a status only moves forward, and nothing follows read or failed', () => {
    const forward = STATUSES.flatMap((from) =>
      STATUSES.filter((to) => isStatusAdvance(from, to)).map((to) => `${from}→${to}`),
    )
    expect(forward).toEqual([
      'pending→sent',
      'pending→delivered',
      'pending→read',
      'pending→failed',
      'sent→delivered',
      'sent→read',
      'sent→failed',
      'delivered→read',
      'delivered→failed',
    ])
  })

  test('applyStatusUpdate returns the same object for a stale, repeated or foreign update', () => {
    const delivered = message('delivered')
    expect(applyStatusUpdate(delivered, { id: 'msg_1', status: 'sent' })).toBe(delivered)
    expect(applyStatusUpdate(delivered, { id: 'msg_1', status: 'delivered' })).toBe(delivered)
    expect(applyStatusUpdate(delivered, { id: 'msg_2', status: 'read' })).toBe(delivered)
  })

  test('applyStatusUpdate moves forward, taking the update time and, for failed, the error', () => {
    const error = { code: 'recipient_blocked', message: 'Blocked', provider_code: 1013 }
    expect(
      applyStatusUpdate(message('sent'), {
        id: 'msg_1',
        status: 'failed',
        updated_at: 'T2',
        error,
      }),
    ).toEqual(message('failed', { updated_at: 'T2', error }))
    expect(
      applyStatusUpdate(message('sent'), { id: 'msg_1', status: 'read', error: { ...error } })
        .error,
    ).toBeNull()
  })

  test('keepLaterStatus keeps the cached message when a fetch answers with an older status', () => {
    const cached = message('delivered')
    expect(keepLaterStatus(cached, message('sent'))).toBe(cached)
    expect(keepLaterStatus(cached, message('read'))).toEqual(message('read'))
    // Equal content keeps the old reference (structural sharing), so nothing re-renders.
    expect(keepLaterStatus(cached, message('delivered'))).toBe(cached)
    expect(keepLaterStatus(undefined, cached)).toBe(cached)
  })
})
