// @vitest-environment node
import { Kirim, type Message } from '@kirim/core'
import {
  dehydrate,
  HydrationBoundary,
  QueryClient,
  QueryClientProvider,
} from '@tanstack/react-query'
import { renderToString } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import {
  KirimProvider,
  messageQueryOptions,
  useMessageStatus,
  useSendMessage,
  useTemplates,
} from '../src/index.ts'

const message: Message = {
  id: 'msg_01J8SSRSSRSSRSSRSSRSSRSSRS',
  object: 'message',
  to: '+628111111111',
  type: 'text',
  status: 'delivered',
  created_at: '2026-05-24T08:00:00.000Z',
}

function Status({ id }: { id: string }) {
  const status = useMessageStatus(id)
  const templates = useTemplates()
  const send = useSendMessage()
  return (
    <p>
      {status.data?.status} / templates {templates.status} / send {send.status}
    </p>
  )
}

describe('server rendering', () => {
  test('imports (this file runs in Node) and renders without a browser: no connection, no request', async () => {
    expect(typeof window).toBe('undefined')
    const requests: string[] = []
    const kirim = new Kirim({
      token: 'server-token',
      baseUrl: 'https://proxy.example/api/kirim',
      fetch: async (input) => {
        requests.push(String(input))
        throw new Error('no network during a server render')
      },
    })

    const server = new QueryClient()
    server.setQueryData(messageQueryOptions(kirim, message.id).queryKey, message)
    const state = dehydrate(server)

    const html = renderToString(
      <QueryClientProvider client={new QueryClient()}>
        <KirimProvider client={kirim} events="https://proxy.example/api/kirim/events">
          <HydrationBoundary state={state}>
            <Status id={message.id} />
          </HydrationBoundary>
        </KirimProvider>
      </QueryClientProvider>,
    )

    expect(html.replaceAll('<!-- -->', '')).toContain('delivered / templates pending / send idle')
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(requests).toEqual([])
  })
})
