import { useCallback, useEffect, useRef } from 'react'
import type { StatusStream } from './StatusStream.ts'

/**
 * A function that makes the calling component hold `stream` open from its first call until the
 * component unmounts (or the stream changes). Calling it again does nothing.
 */
export function useStreamHold(stream: StatusStream | undefined): () => void {
  const release = useRef<(() => void) | undefined>(undefined)
  useEffect(() => {
    if (stream === undefined) return undefined
    return () => {
      release.current?.()
      release.current = undefined
    }
  }, [stream])
  return useCallback(() => {
    if (stream !== undefined && release.current === undefined) release.current = stream.retain()
  }, [stream])
}
