/**
 * The customer messages the server side took from verified `message.received` webhooks, live
 * (`GET /api/demo/inbox`, Server-Sent Events; the browser reconnects and resumes by itself).
 */
import { useEffect, useState } from 'react'
import { INBOX_EVENT, type InboxEntry } from '../../shared/protocol.ts'

/** An inbox entry and when this page got it. */
export interface InboxItem extends InboxEntry {
  /**
   * `Date.now()` when it arrived here: what the page orders by, beside its own sends. (Meta's
   * timestamp has whole seconds, on the emulator's clock.)
   */
  readonly arrivedAt: number
}

/** Every inbox entry so far, oldest first; `[]` while `enabled` is false. */
export function useInbox(enabled: boolean): readonly InboxItem[] {
  const [items, setItems] = useState<readonly InboxItem[]>([])
  useEffect(() => {
    if (!enabled) return undefined
    const source = new EventSource('/api/demo/inbox')
    const onEntry = (event: MessageEvent<string>) => {
      const entry = JSON.parse(event.data) as InboxEntry
      const arrivedAt = Date.now()
      setItems((current) =>
        current.some((known) => known.id === entry.id)
          ? current
          : [...current, { ...entry, arrivedAt }],
      )
    }
    source.addEventListener(INBOX_EVENT, onEntry)
    return () => {
      source.removeEventListener(INBOX_EVENT, onEntry)
      source.close()
    }
  }, [enabled])
  return items
}
