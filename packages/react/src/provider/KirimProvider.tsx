'use client'
import type { Kirim } from '@kirim/core'
import { useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useEffect, useMemo } from 'react'
import type { EventsOptions } from '../events/EventsOptions.ts'
import { resolveEventsOptions } from '../events/resolveEventsOptions.ts'
import { StatusStream } from '../events/StatusStream.ts'
import { KirimContext } from './KirimContext.ts'

/** Props of {@link KirimProvider}. */
export interface KirimProviderProps {
  /** The client every hook below uses (in a browser, one that talks to your proxy). */
  readonly client: Kirim
  /**
   * The proxy's status event stream: its URL, or {@link EventsOptions}. With it,
   * `useMessageStatus` is live (one shared connection, opened while a hook needs it); without
   * it, `useMessageStatus` polls.
   *
   * @example '/api/kirim/events'
   */
  readonly events?: string | EventsOptions | undefined
  readonly children?: ReactNode
}

/**
 * Gives the hooks below it a Kirim client and, optionally, the proxy's live status stream.
 * Place it inside your own `QueryClientProvider`: the hooks cache in that `QueryClient`.
 *
 * Safe to render on the server: nothing connects until a hook mounts in the browser.
 *
 * @example
 * const kirim = new Kirim({ tokenUrl: '/api/kirim/token', baseUrl: '/api/kirim' })
 * const queryClient = new QueryClient()
 *
 * <QueryClientProvider client={queryClient}>
 *   <KirimProvider client={kirim} events="/api/kirim/events">
 *     <App />
 *   </KirimProvider>
 * </QueryClientProvider>
 */
export function KirimProvider({ client, events, children }: KirimProviderProps): ReactNode {
  const queryClient = useQueryClient()
  const url = events === undefined ? undefined : typeof events === 'string' ? events : events.url
  // The stream lives as long as its URL and cache. The other options (and the client, whose token
  // the stream uses) may be new objects on every render: the effect below hands them over
  // instead of rebuilding the stream.
  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt on a new URL or cache only.
  const stream = useMemo(
    () =>
      url === undefined || events === undefined
        ? undefined
        : new StatusStream(queryClient, resolveEventsOptions(events, client)),
    [queryClient, url],
  )
  useEffect(() => {
    if (stream !== undefined && events !== undefined)
      stream.setOptions(resolveEventsOptions(events, client))
  })
  const value = useMemo(() => ({ client, stream }), [client, stream])
  return <KirimContext value={value}>{children}</KirimContext>
}
