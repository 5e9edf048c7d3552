import type { Message, SendMessageBody } from '@kirim/core'

/** Called with each message Kirim stored from this page (failed ones included) and its body. */
export type OnSent = (message: Message, body: SendMessageBody) => void
