/**
 * What the page can truly say about the 24-hour window between a customer and a business number:
 * the emulator's own state, or in live mode (Kirim's API does not report the window) the last
 * message of that customer this session saw by webhook, or nothing at all.
 */
import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import type { DemoPageConfig, ReceivedEntry } from '../../shared/protocol.ts'
import type { ConversationWindow } from '../api/emulator.ts'
import { isPhoneNumber } from './isPhoneNumber.ts'
import { windowQuery } from './windowQuery.ts'

/** A free-form message needs a message from the customer within this long (WhatsApp's rule). */
export const WINDOW_MS = 24 * 60 * 60 * 1000

export type WindowView =
  /** The number is not one the window can be read for (still being typed, not E.164). */
  | { readonly kind: 'none' }
  | { readonly kind: 'checking' }
  | { readonly kind: 'error'; readonly message: string }
  /** The emulator's state. */
  | { readonly kind: 'emulator'; readonly window: ConversationWindow }
  /** Live: the customer's last message this session saw by webhook within 24 h, if any. */
  | { readonly kind: 'seen'; readonly lastSeen: Date | undefined }
  /** Live without webhooks: no customer message ever reaches the demo. */
  | { readonly kind: 'unknown' }

/** The latest message from `customer` to `business` (any number when `business` is unknown). */
function lastMessageFrom(
  received: readonly ReceivedEntry[],
  customer: string,
  business: string | undefined,
): Date | undefined {
  let last: number | undefined
  for (const entry of received) {
    if (entry.from !== customer) continue
    if (business !== undefined && entry.to !== undefined && entry.to !== business) continue
    const at = Date.parse(entry.receivedAt)
    if (last === undefined || at > last) last = at
  }
  return last === undefined ? undefined : new Date(last)
}

/** Re-renders at `at` (ms since the epoch), when something shown changes with the clock. */
function useRenderAt(at: number | undefined): void {
  const [, setTick] = useState(0)
  useEffect(() => {
    if (at === undefined) return undefined
    const timer = setTimeout(() => setTick((tick) => tick + 1), Math.max(0, at - Date.now()))
    return () => clearTimeout(timer)
  }, [at])
}

export function useWindowView({
  config,
  customer,
  business,
  received,
}: {
  readonly config: DemoPageConfig
  readonly customer: string
  /** The business number; `undefined` when Kirim picks the organisation's only one. */
  readonly business: string | undefined
  /** This session's customer messages. */
  readonly received: readonly ReceivedEntry[]
}): WindowView {
  const emulator = config.mode === 'emulator'
  // A number still being typed has no window to ask about (and asking would log a 400).
  const readable = isPhoneNumber(customer)
  const query = useQuery({
    ...windowQuery(customer, business ?? ''),
    enabled: emulator && readable && business !== undefined,
  })
  const seen = emulator ? undefined : lastMessageFrom(received, customer, business)
  const seenUntil = seen === undefined ? undefined : seen.getTime() + WINDOW_MS
  useRenderAt(seenUntil)

  if (!readable) return { kind: 'none' }
  if (!emulator) {
    if (!config.liveStatus) return { kind: 'unknown' }
    return {
      kind: 'seen',
      lastSeen: seenUntil !== undefined && seenUntil > Date.now() ? seen : undefined,
    }
  }
  if (business === undefined) return { kind: 'none' }
  if (query.isPending) return { kind: 'checking' }
  if (query.isError) {
    return { kind: 'error', message: query.error.message }
  }
  return { kind: 'emulator', window: query.data }
}
