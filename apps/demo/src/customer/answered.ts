/** Whether the customer already answered an interactive message (WhatsApp takes one answer). */
import type { FeedFrame, ReceivedEntry, SentEntry } from '../../shared/protocol.ts'
import { newestFirst } from '../messages/feedOrder.ts'

/** The row or button ids a customer can answer `entry` with. */
function replyIds(entry: SentEntry): ReadonlySet<string> {
  const body = entry.body
  if (body.type !== 'interactive') return new Set()
  const interactive = body.interactive
  if (interactive.type === 'list') {
    return new Set(
      interactive.action.sections.flatMap((section) => section.rows.map((row) => row.id)),
    )
  }
  if (interactive.type === 'button') {
    return new Set(interactive.action.buttons.map((button) => button.reply.id))
  }
  return new Set()
}

/**
 * Whether a later customer message answers `entry`: it names it (WhatsApp's `context`), or, as
 * the emulator's played replies do not, it carries one of its row or button ids.
 */
export function isAnswered(
  entry: Extract<FeedFrame, { kind: 'sent' }>,
  received: readonly Extract<FeedFrame, { kind: 'received' }>[],
): boolean {
  const ids = replyIds(entry)
  if (ids.size === 0) return false
  return received.some(
    (reply: ReceivedEntry & { order: number }) =>
      reply.from === entry.to &&
      reply.interactive !== undefined &&
      newestFirst(reply, entry) < 0 &&
      (reply.inReplyTo === undefined
        ? ids.has(reply.interactive.id)
        : reply.inReplyTo === entry.providerMessageId),
  )
}
