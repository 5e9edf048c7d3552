/** The feed's order: by each message's own time, newest first. */
import type { FeedFrame } from '../../shared/protocol.ts'

/** When the message was sent or received, in ms since the epoch (Kirim's and Meta's clocks). */
export const timeOf = (frame: FeedFrame): number =>
  Date.parse(frame.kind === 'sent' ? frame.createdAt : frame.receivedAt)

/**
 * Newest first, by the second a message happened; within one second by the order the server took
 * them, because Meta stamps a customer's message in whole seconds (a reply sent 0.4 s after your
 * message would otherwise sort before it).
 */
export function newestFirst(a: FeedFrame, b: FeedFrame): number {
  const second = (frame: FeedFrame) => Math.floor(timeOf(frame) / 1000)
  return second(b) - second(a) || b.order - a.order
}
