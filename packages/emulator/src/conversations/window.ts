import type { EmulatorStore } from '../store/store.ts'

/** A free-form message needs an inbound message from the customer within this long. */
export const WINDOW_MS = 24 * 60 * 60 * 1000

/** Whether the 24 h customer-service window between the two numbers is open at `now`. */
export function isWindowOpen(
  store: EmulatorStore,
  organizationId: string,
  business: string,
  customer: string,
  now: number,
): boolean {
  const last = store.lastInbound(organizationId, business, customer)
  return last !== undefined && now < last + WINDOW_MS
}
