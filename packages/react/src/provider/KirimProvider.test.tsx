import { Kirim } from '@kirim/core'
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, render, renderHook, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { newQueryClient } from '../../test/support/render.tsx'
import { type SseServer, startSseServer } from '../../test/support/sseServer.ts'
import { useMessageStatus } from '../messages/useMessageStatus.ts'
import { KirimProvider } from './KirimProvider.tsx'
import { useKirim } from './useKirim.ts'

const ID = 'msg_01J8PROVIDERPROVIDERPROVID'
const kirim = new Kirim({ token: 'page-token', baseUrl: 'http://127.0.0.1:9/api/kirim' })
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

let servers: SseServer[]
beforeEach(async () => {
  servers = [await startSseServer(), await startSseServer()]
})
afterEach(async () => {
  cleanup()
  for (const server of servers) await server.close()
})

function Probe() {
  useMessageStatus(ID)
  return null
}

/** The provider with `events` written inline, as apps do: a new object on every render. */
function Harness({
  queryClient,
  url,
  token,
}: {
  queryClient: QueryClient
  url: string
  token: string
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <KirimProvider client={kirim} events={{ url, token: () => token, retryDelay: () => 10 }}>
        <Probe />
      </KirimProvider>
    </QueryClientProvider>
  )
}

describe('KirimProvider', () => {
  test('useKirim returns the provider client', () => {
    const queryClient = newQueryClient()
    const { result } = renderHook(() => useKirim(), {
      wrapper: ({ children }) => (
        <QueryClientProvider client={queryClient}>
          <KirimProvider client={kirim}>{children}</KirimProvider>
        </QueryClientProvider>
      ),
    })
    expect(result.current).toBe(kirim)
  })

  test('re-rendering with a new inline events object keeps the connection; a new URL moves to a new one', async () => {
    const queryClient = newQueryClient()
    queryClient.setQueryData(['kirim', 'messages', ID], { id: ID, status: 'read' })
    const harness = (url: string, token: string) => (
      <Harness queryClient={queryClient} url={url} token={token} />
    )
    const { rerender } = render(harness(servers[0]!.url, 'first'))
    await waitFor(() => expect(servers[0]!.openConnections()).toBe(1))
    expect(servers[0]!.connections[0]!.headers.authorization).toBe('Bearer first')

    rerender(harness(servers[0]!.url, 'second'))
    rerender(harness(servers[0]!.url, 'second'))
    await sleep(30)
    expect(servers[0]!.connections).toHaveLength(1)
    // The next connection uses the latest options: the newest token function.
    servers[0]!.connections[0]!.destroy()
    await waitFor(() => expect(servers[0]!.connections).toHaveLength(2))
    expect(servers[0]!.connections[1]!.headers.authorization).toBe('Bearer second')

    rerender(harness(servers[1]!.url, 'second'))
    await waitFor(() => expect(servers[1]!.openConnections()).toBe(1))
    await waitFor(() => expect(servers[0]!.openConnections()).toBe(0))
  })

  test('without events nothing connects', async () => {
    const queryClient = newQueryClient()
    queryClient.setQueryData(['kirim', 'messages', ID], { id: ID, status: 'read' })
    renderHook(() => useMessageStatus(ID), {
      wrapper: ({ children }) => (
        <QueryClientProvider client={queryClient}>
          <KirimProvider client={kirim}>{children}</KirimProvider>
        </QueryClientProvider>
      ),
    })
    await sleep(30)
    expect(servers[0]!.connections).toHaveLength(0)
  })
})
