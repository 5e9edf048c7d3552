/**
 * The demo's own small API between its server side and the page (beside the Kirim proxy):
 * `GET /api/demo/config`, the session's feed stream `GET /api/demo/feed` and
 * `POST /api/demo/fallbacks`. Types only.
 */
import type { SendMessageBody } from '@kirim/core'
import type { InteractiveReply } from '@kirim/core/webhooks'

/** A scripted emulator recipient offered as a quick pick. */
export interface TestRecipient {
  readonly number: string
  /** A short name: "Open window". */
  readonly label: string
  /** What happens when you send to it. */
  readonly hint: string
}

/** `GET /api/demo/config`: what the page needs to know about the server side. */
export interface DemoPageConfig {
  /** `emulator`: the in-process emulator, no account; `live`: the real Kirim API. */
  readonly mode: 'emulator' | 'live'
  /** The connected numbers to offer in the `from` picker (may be empty in live mode). */
  readonly numbers: readonly string[]
  /** The emulator's scripted recipients (empty in live mode). */
  readonly testRecipients: readonly TestRecipient[]
  /**
   * Whether statuses arrive as webhooks (so the proxy's event stream carries them). Without a
   * webhook secret in live mode they do not, and the page polls instead.
   */
  readonly liveStatus: boolean
}

/** A message this session sent, as Kirim accepted it (failed-at-once ones included). */
export interface SentEntry {
  readonly kind: 'sent'
  /** Kirim's id, `msg_…`: `useMessageStatus` follows it. */
  readonly id: string
  /** The body it was sent with (the API echoes only the envelope). */
  readonly body: SendMessageBody
  /** The sender Kirim resolved, E.164 (the body may leave `from` out). */
  readonly from: string | undefined
  /** The customer, E.164. */
  readonly to: string
  /** When Kirim accepted it (ISO 8601, Kirim's clock). */
  readonly createdAt: string
  /** Meta's `wamid`, which a customer's reply to it names; `null` when it never reached Meta. */
  readonly providerMessageId: string | null
  /** The failed message this one replaced (the reengagement fallback). */
  readonly fallbackFor?: string | undefined
}

/** One message a customer sent, from a verified `message.received` webhook. */
export interface ReceivedEntry {
  readonly kind: 'received'
  /** Meta's id, `wamid.…`. */
  readonly id: string
  /** The customer, E.164. */
  readonly from: string
  /** The business number it was sent to, E.164, when the webhook said. */
  readonly to: string | undefined
  /** Meta's message type: `text`, `interactive`, `button`, `image` … */
  readonly type: string
  readonly text: string | undefined
  /** The row or reply button the customer chose. */
  readonly interactive: InteractiveReply | undefined
  /** The `wamid` of the business message this one answers, when WhatsApp said. */
  readonly inReplyTo: string | undefined
  readonly profileName: string | undefined
  /** When the customer sent it (ISO 8601): whole seconds from Meta, finer from the emulator. */
  readonly receivedAt: string
}

/** One message of a session's feed. */
export type FeedEntry = SentEntry | ReceivedEntry

/** A feed entry as `GET /api/demo/feed` streams it. */
export type FeedFrame = FeedEntry & {
  /**
   * The order the server took the entry in, fixed at its first arrival: it breaks ties between
   * messages of the same second (Meta's timestamps have whole seconds).
   */
  readonly order: number
}

/** The SSE event name of a feed entry on `GET /api/demo/feed` (a known id is an update). */
export const FEED_EVENT = 'entry'

/** `POST /api/demo/fallbacks`: the session sent `fallback` in place of the failed `failed`. */
export interface FallbackLink {
  readonly failed: string
  readonly fallback: string
}
