/**
 * The emulator's control API (`/_emulator/*`, emulator mode only): the page plays the customer
 * with it. No key: the emulator's control API is open, and only exists on the local emulator.
 */

/** What the customer sends: a text, or the row / reply button they chose. */
export type CustomerMessage =
  | { readonly text: string }
  | {
      readonly interactive: {
        readonly type: 'list_reply' | 'button_reply'
        readonly id: string
        readonly title: string
        readonly description?: string | undefined
      }
    }

/** The emulator's answer to `POST /_emulator/inbound`. */
export interface InboundReceipt {
  readonly id: string
  /** When the 24-hour window this message opened closes (ISO 8601). */
  readonly window_expires_at: string
}

/** Why the emulator refused a control call. */
export class EmulatorError extends Error {
  override name = 'EmulatorError'
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message)
  }
}

/**
 * `POST /_emulator/inbound`: the customer `from` writes to the business number `to`. Opens the
 * 24-hour window for that pair and makes the emulator send a signed `message.received` webhook.
 */
export async function sendAsCustomer(
  from: string,
  to: string | undefined,
  message: CustomerMessage,
): Promise<InboundReceipt> {
  const response = await fetch('/_emulator/inbound', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ from, ...(to === undefined ? {} : { to }), ...message }),
  })
  const payload = (await response.json().catch(() => ({}))) as {
    data?: InboundReceipt
    error?: { code?: string; message?: string }
  }
  if (!response.ok || payload.data === undefined) {
    throw new EmulatorError(
      payload.error?.message ?? `The emulator answered HTTP ${response.status}.`,
      payload.error?.code,
    )
  }
  return payload.data
}
