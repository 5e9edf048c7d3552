/**
 * The customer messages the server side took from verified `message.received` webhooks, live
 * (`GET /api/demo/inbox`, Server-Sent Events; the browser reconnects and resumes by itself).
 */
import { useEffect, useState } from 'react'
import { INBOX_EVENT, type InboxEntry } from '../../shared/protocol.ts'

/** Every inbox entry so far, oldest first; `[]` while `enabled` is false. */
export function useInbox(enabled: boolean): readonly InboxEntry[] {
  const [entries, setEntries] = useState<readonly InboxEntry[]>([])
  useEffect(() => {
    if (!enabled) return undefined
    const source = new EventSource('/api/demo/inbox')
    const onEntry = (event: MessageEvent<string>) => {
      const entry = JSON.parse(event.data) as InboxEntry
      setEntries((current) =>
        current.some((known) => known.id === entry.id) ? current : [...current, entry],
      )
    }
    source.addEventListener(INBOX_EVENT, onEntry)
    return () => {
      source.removeEventListener(INBOX_EVENT, onEntry)
      source.close()
    }
  }, [enabled])
  return entries
}
