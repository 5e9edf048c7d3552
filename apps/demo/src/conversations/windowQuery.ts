/**
 * The 24-hour window between a customer and a business number, read from the emulator's control
 * API (`GET /_emulator/window`): the same truth the emulator's sends meet.
 */
import { queryOptions } from '@tanstack/react-query'
import { readWindow } from '../api/emulator.ts'

/** Query keys of the window queries: a customer's, to invalidate when they write. */
export const windowKeys = {
  all: ['demo', 'window'] as const,
  customer: (customer: string) => [...windowKeys.all, customer] as const,
  pair: (customer: string, business: string) => [...windowKeys.all, customer, business] as const,
}

/** Slack after the expiry before re-reading, so the emulator's clock has passed it too. */
const AFTER_EXPIRY_MS = 500

export function windowQuery(customer: string, business: string) {
  return queryOptions({
    queryKey: windowKeys.pair(customer, business),
    queryFn: () => readWindow(customer, business),
    // A customer's message (on any page) changes it: read it again whenever it is shown.
    staleTime: 0,
    refetchOnWindowFocus: true,
    // An answer of the local emulator, even a 400 for a number still being typed, is final.
    retry: false,
    // An open window closes on its own: read it again then.
    refetchInterval: (query) => {
      const window = query.state.data
      if (window?.open !== true || window.expires_at === null) return false
      return Math.max(AFTER_EXPIRY_MS, Date.parse(window.expires_at) - Date.now() + AFTER_EXPIRY_MS)
    },
  })
}
