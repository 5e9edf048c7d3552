import { useSyncExternalStore } from 'react'
import type { StatusStream, StreamState } from './StatusStream.ts'

const noStream = (): (() => void) => () => {}
// Also the server's snapshot: nothing connects during a server render.
const idle = (): StreamState => 'idle'

/** The state of `stream`, re-rendering on each change; `idle` without a stream. */
export function useStreamState(stream: StatusStream | undefined): StreamState {
  return useSyncExternalStore(stream?.subscribe ?? noStream, stream?.getState ?? idle, idle)
}
