/**
 * The demo's own small API between its server side and the page (beside the Kirim proxy):
 * `GET /api/demo/config` and the inbox stream `GET /api/demo/inbox`. Types only.
 */

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

/** One message a customer sent, from a verified `message.received` webhook. */
export interface InboxEntry {
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
  readonly interactive:
    | {
        readonly type: 'list_reply' | 'button_reply'
        readonly id: string
        readonly title: string
        readonly description?: string | undefined
      }
    | undefined
  readonly profileName: string | undefined
  /** When the customer sent it (ISO 8601). */
  readonly receivedAt: string
}

/** The SSE event name of an inbox entry on `GET /api/demo/inbox`. */
export const INBOX_EVENT = 'inbound'
