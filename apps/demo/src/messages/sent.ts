/** The messages this page sent, newest first, as the feed and the customer's phone list them. */
import type { SendMessageBody } from '@kirim/core'

export interface SentEntry {
  /** Kirim's id (`msg_…`): `useMessageStatus` follows it. */
  readonly id: string
  /** The body it was sent with (the API echoes only the envelope). */
  readonly body: SendMessageBody
  readonly sentAt: number
  /** The failed message this one replaced (the reengagement fallback). */
  readonly fallbackFor?: string | undefined
}

/** Called with each message Kirim stored and the body it was sent with. */
export type OnSent = (entry: SentEntry) => void
