import { ALWAYS_OPEN } from '../messages/test-recipients.ts'
import type { EmulatorStore } from '../store/store.ts'

/** A free-form message needs an inbound message from the customer within this long. */
export const WINDOW_MS = 24 * 60 * 60 * 1000

/** The 24 h customer-service window between a business number and a customer, at one time. */
export interface WindowState {
  /** Whether a free-form message to the customer is accepted now. */
  readonly open: boolean
  /** A test fixture whose window never closes (see `ALWAYS_OPEN`). */
  readonly alwaysOpen: boolean
  /** When the customer last wrote to the business number (emulator ms), if ever. */
  readonly lastInbound: number | undefined
  /** When the window closes, or closed, 24 h after `lastInbound`; never for a fixture. */
  readonly expiresAt: number | undefined
}

/** The window between the two numbers at `now`: the one rule sends and the control API share. */
export function windowState(
  store: EmulatorStore,
  organizationId: string,
  business: string,
  customer: string,
  now: number,
): WindowState {
  const lastInbound = store.lastInbound(organizationId, business, customer)
  const alwaysOpen = ALWAYS_OPEN.has(customer)
  const expiresAt = alwaysOpen || lastInbound === undefined ? undefined : lastInbound + WINDOW_MS
  return {
    open: alwaysOpen || (expiresAt !== undefined && now < expiresAt),
    alwaysOpen,
    lastInbound,
    expiresAt,
  }
}

/** Whether the 24 h customer-service window between the two numbers is open at `now`. */
export function isWindowOpen(
  store: EmulatorStore,
  organizationId: string,
  business: string,
  customer: string,
  now: number,
): boolean {
  return windowState(store, organizationId, business, customer, now).open
}
