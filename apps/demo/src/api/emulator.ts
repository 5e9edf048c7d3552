/**
 * The emulator's control API (`/_emulator/*`, emulator mode only): the page plays the customer
 * and reads the 24-hour window with it. No key: the emulator's control API is open, and only
 * exists on the local emulator.
 */
import type { InteractiveReply } from '@kirim/core/webhooks'

/** What the customer sends: a text, or the row / reply button they chose. */
export type CustomerMessage = { readonly text: string } | { readonly interactive: InteractiveReply }

/** The emulator's answer to `POST /_emulator/inbound`. */
export interface InboundReceipt {
  readonly id: string
  /** When the 24-hour window this message opened closes (ISO 8601). */
  readonly window_expires_at: string
}

/** The emulator's answer to `GET /_emulator/window`: the window as its sends see it. */
export interface ConversationWindow {
  readonly customer: string
  readonly business: string
  /** Whether a free-form message to the customer is accepted now. */
  readonly open: boolean
  /** A test fixture whose window never closes. */
  readonly always_open: boolean
  /** The customer's latest message to the business number (ISO 8601), or `null`. */
  readonly last_inbound_at: string | null
  /** When the window closes or closed (ISO 8601); `null` for a fixture or without a message. */
  readonly expires_at: string | null
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

async function control<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, init)
  const payload = (await response.json().catch(() => ({}))) as {
    data?: T
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

/**
 * `POST /_emulator/inbound`: the customer `from` writes to the business number `to`. Opens the
 * 24-hour window for that pair and makes the emulator send a signed `message.received` webhook.
 */
export function sendAsCustomer(
  from: string,
  to: string | undefined,
  message: CustomerMessage,
): Promise<InboundReceipt> {
  return control('/_emulator/inbound', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ from, ...(to === undefined ? {} : { to }), ...message }),
  })
}

/** `GET /_emulator/window`: the 24-hour window between `customer` and the business number. */
export function readWindow(customer: string, business: string): Promise<ConversationWindow> {
  const query = new URLSearchParams({ customer, business })
  return control(`/_emulator/window?${query}`)
}
