/**
 * This session's feed (`GET /api/demo/feed`, Server-Sent Events; the browser reconnects and
 * resumes by itself): the messages it sent and the customer messages that belong to it. The
 * server keeps it, so a reload shows the same feed and another session never sees it.
 */
import { useEffect, useState } from 'react'
import { FEED_EVENT, type FeedFrame } from '../../shared/protocol.ts'

/** Where the feed streams from. */
export const FEED_URL = '/api/demo/feed'

/** Every entry of the session's feed so far, in the order the server took them. */
export function useFeed(): readonly FeedFrame[] {
  const [frames, setFrames] = useState<ReadonlyMap<string, FeedFrame>>(new Map())
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
  return [...frames.values()]
}
