/**
 * This session's feed (`GET /api/demo/feed`, Server-Sent Events; the browser reconnects and
 * resumes by itself): the messages it sent and the customer messages that belong to it. The
 * server keeps it, so a reload shows the same feed and another session never sees it.
 */
import { useCallback, useEffect, useMemo, useState } from 'react'
import { FEED_EVENT, type FeedFrame, type SentEntry } from '../../shared/protocol.ts'

/** Where the feed streams from. */
export const FEED_URL = '/api/demo/feed'

/** The session's feed, and how to show a send at once, before the server's copy arrives. */
export interface Feed {
  /** Every entry so far, in the order the server took them. */
  readonly entries: readonly FeedFrame[]
  /** Shows a message this page just sent; the server's copy of it replaces it. */
  readonly addSent: (entry: SentEntry) => void
}

// Sorts a page's own send after everything the server has taken, until the server's copy comes.
const NOT_YET_TAKEN = Number.MAX_SAFE_INTEGER

export function useFeed(): Feed {
  const [frames, setFrames] = useState<ReadonlyMap<string, FeedFrame>>(new Map())
  const addSent = useCallback(
    (entry: SentEntry) =>
      setFrames((current) =>
        current.has(entry.id)
          ? current
          : new Map(current).set(entry.id, { ...entry, order: NOT_YET_TAKEN }),
      ),
    [],
  )
  useEffect(() => {
    const source = new EventSource(FEED_URL)
    const onEntry = (event: MessageEvent<string>) => {
      const frame = JSON.parse(event.data) as FeedFrame
      // A known id is an update of that entry (a fallback link), not a new one.
      setFrames((current) => new Map(current).set(frame.id, frame))
    }
    source.addEventListener(FEED_EVENT, onEntry)
    return () => {
      source.removeEventListener(FEED_EVENT, onEntry)
      source.close()
    }
  }, [])
  const entries = useMemo(() => [...frames.values()], [frames])
  return { entries, addSent }
}
