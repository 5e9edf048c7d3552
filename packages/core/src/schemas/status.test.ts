import { describe, expect, test } from 'vitest'
import type { MessageStatus } from './message.ts'
import { isTerminalStatus, laterStatus, STATUS_RANK } from './status.ts'

describe('status order', () => {
  test('read and failed are terminal, the others are not', () => {
    expect(isTerminalStatus('read')).toBe(true)
    expect(isTerminalStatus('failed')).toBe(true)
    expect(isTerminalStatus('pending')).toBe(false)
    expect(isTerminalStatus('sent')).toBe(false)
    expect(isTerminalStatus('delivered')).toBe(false)
  })
  test('the rank follows pending → sent → delivered → read', () => {
    expect(STATUS_RANK.pending).toBeLessThan(STATUS_RANK.sent)
    expect(STATUS_RANK.sent).toBeLessThan(STATUS_RANK.delivered)
    expect(STATUS_RANK.delivered).toBeLessThan(STATUS_RANK.read)
  })
  test.each<[MessageStatus, MessageStatus, MessageStatus]>([
    ['pending', 'sent', 'sent'],
    ['sent', 'delivered', 'delivered'],
    ['delivered', 'read', 'read'],
    ['sent', 'read', 'read'], // read without delivered
    ['pending', 'read', 'read'],
    ['delivered', 'sent', 'delivered'], // a late webhook never moves backwards
    ['read', 'delivered', 'read'],
    ['sent', 'pending', 'sent'],
    ['sent', 'failed', 'failed'],
    ['pending', 'failed', 'failed'],
    ['delivered', 'failed', 'failed'],
    ['failed', 'delivered', 'failed'], // terminal stays
    ['failed', 'read', 'failed'],
    ['read', 'failed', 'read'],
    ['sent', 'sent', 'sent'],
  ])('laterStatus(%s, %s) is %s', (current, next, expected) => {
    expect(laterStatus(current, next)).toBe(expected)
  })
  test('an unknown status from outside the types never wins', () => {
    expect(laterStatus('sent', 'archived' as MessageStatus)).toBe('sent')
  })
})
