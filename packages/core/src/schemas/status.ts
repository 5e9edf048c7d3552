import type { MessageStatus } from './message.ts'

/**
 * How far along each status is. A status never moves backwards: an update of a lower or equal
 * rank is stale. `read` may arrive without `delivered`; `read` and `failed` share the top rank,
 * so whichever terminal status came first stays.
 */
export const STATUS_RANK: Readonly<Record<MessageStatus, number>> = {
  pending: 0,
  sent: 1,
  delivered: 2,
  read: 3,
  failed: 3,
}

/**
 * Whether a status is final: `read` or `failed`. Nothing follows it.
 *
 * @example
 * isTerminalStatus('delivered') // false
 */
export function isTerminalStatus(status: MessageStatus): boolean {
  return status === 'read' || status === 'failed'
}

/**
 * The status to keep when `next` arrives while `current` is known: `next` only if it is further
 * along, so out-of-order webhooks never move a message backwards, and a terminal status stays.
 *
 * @example
 * laterStatus('delivered', 'sent') // 'delivered' (a late webhook)
 * laterStatus('sent', 'read')      // 'read' (delivered never came)
 * laterStatus('read', 'failed')    // 'read' (already terminal)
 */
export function laterStatus(current: MessageStatus, next: MessageStatus): MessageStatus {
  return (STATUS_RANK[next] ?? -1) > (STATUS_RANK[current] ?? -1) ? next : current
}
