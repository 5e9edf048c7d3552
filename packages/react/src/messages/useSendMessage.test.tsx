import {
  AuthenticationError,
  Kirim,
  type Message,
  type SendMessageBody,
  ValidationError,
} from '@kirim/core'
import type { QueryClient } from '@tanstack/react-query'
import { act, cleanup, renderHook, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { type BrowserFetch, createBrowserFetch } from '../../test/support/browserFetch.ts'
import { nodeFetch } from '../../test/support/nodeFetch.ts'
import { directClient, kirimWrapper, newQueryClient } from '../../test/support/render.tsx'
import { startEmulator, type TestEmulator } from '../../test/support/servers.ts'
import { kirimKeys } from '../keys/kirimKeys.ts'
import { useMessageStatus } from './useMessageStatus.ts'
import { useSendMessage } from './useSendMessage.ts'

const OPEN_WINDOW = '+628111111111'
const CLOSED_WINDOW = '+628122222222'
const hello = (body = 'Halo dari Kirim'): SendMessageBody => ({
  to: OPEN_WINDOW,
  type: 'text',
  text: { body },
})
const MESSAGE_PATH = /^\/v1\/messages\/msg_/
const bodyOf = (stored: { readonly text?: unknown }): unknown =>
  (stored.text as { body?: unknown } | undefined)?.body

let emulator: TestEmulator
let page: BrowserFetch
let queryClient: QueryClient

beforeEach(async () => {
  emulator = await startEmulator({ timing: 'manual' })
  page = createBrowserFetch()
  queryClient = newQueryClient()
})

afterEach(async () => {
  cleanup()
  queryClient.clear()
  await emulator.close()
})

const idempotencyKeysOfSends = (): (string | null)[] =>
  page.requests
    .filter((request) => request.method === 'POST' && request.url.pathname === '/v1/messages')
    .map((request) => request.headers.get('idempotency-key'))

describe('useSendMessage', () => {
  test('seeds the sent message: useMessageStatus shows pending at once, without a request', async () => {
    const seen: (string | undefined)[] = []
    const { result } = renderHook(
      () => {
        const send = useSendMessage()
        const status = useMessageStatus(send.data?.id)
        if (send.data !== undefined) seen.push(status.data?.status)
        return { send, status }
      },
      { wrapper: kirimWrapper(queryClient, directClient(emulator, page)) },
    )

    act(() => result.current.send.mutate(hello()))
    await waitFor(() => expect(result.current.send.isSuccess).toBe(true))

    // The very first render that knows the id already has the status: no loading state.
    expect(seen[0]).toBe('pending')
    expect(result.current.status.data).toEqual(result.current.send.data)
    expect(result.current.status.isFetching).toBe(false)
    expect(page.count('GET', MESSAGE_PATH)).toBe(0)
    expect(queryClient.getQueryData(kirimKeys.message(result.current.send.data!.id))).toEqual(
      result.current.send.data,
    )
  })

  test('a second mutate with the same variables while the first is pending sends once', async () => {
    const { result } = renderHook(() => [useSendMessage(), useSendMessage()] as const, {
      wrapper: kirimWrapper(queryClient, directClient(emulator, page)),
    })

    let sent: Message[] = []
    await act(async () => {
      // A double click on one button, and the same click on a second button: equal content,
      // distinct objects.
      sent = await Promise.all([
        result.current[0].mutateAsync(hello('double click')),
        result.current[0].mutateAsync(hello('double click')),
        result.current[1].mutateAsync({
          text: { body: 'double click' },
          type: 'text',
          to: OPEN_WINDOW,
        }),
      ])
    })

    const stored = (await emulator.stored()).filter((message) => bodyOf(message) === 'double click')
    expect(stored).toHaveLength(1)
    expect(sent.map((message) => message.id)).toEqual([stored[0]!.id, stored[0]!.id, stored[0]!.id])
    expect(idempotencyKeysOfSends()).toHaveLength(1)
    await waitFor(() => expect(result.current[1].data?.id).toBe(stored[0]!.id))
  })

  test('a retry reuses the idempotency key, so a send stored before the connection dropped is not sent twice', async () => {
    await nodeFetch(`${emulator.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'drop_after', count: 1, method: 'POST', path: '/v1/messages' }),
    })
    const { result } = renderHook(() => useSendMessage({ retry: 2, retryDelay: 0 }), {
      wrapper: kirimWrapper(queryClient, directClient(emulator, page)),
    })

    act(() => result.current.mutate(hello('dropped after store')))
    await waitFor(() => expect(result.current.isSuccess).toBe(true))

    expect(result.current.failureCount).toBe(0)
    const keys = idempotencyKeysOfSends()
    expect(keys).toHaveLength(2)
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/)
    expect(keys[1]).toBe(keys[0])
    const stored = (await emulator.stored()).filter(
      (message) => bodyOf(message) === 'dropped after store',
    )
    expect(stored).toHaveLength(1)
    expect(stored[0]!.idempotency_key).toBe(keys[0])
    expect(result.current.data?.id).toBe(stored[0]!.id)
  })

  test('each mutate() has its own key: sending the same body again after success sends again', async () => {
    const { result } = renderHook(() => useSendMessage(), {
      wrapper: kirimWrapper(queryClient, directClient(emulator, page)),
    })
    const body = hello('twice on purpose')

    let first: Message | undefined
    let second: Message | undefined
    await act(async () => {
      first = await result.current.mutateAsync(body)
    })
    await act(async () => {
      second = await result.current.mutateAsync(body)
    })

    expect(second?.id).not.toBe(first?.id)
    const keys = idempotencyKeysOfSends()
    expect(keys).toHaveLength(2)
    expect(keys[1]).not.toBe(keys[0])
    expect((await emulator.stored()).filter((m) => bodyOf(m) === 'twice on purpose')).toHaveLength(
      2,
    )
  })

  test('a send Kirim refuses at once (window closed) is data with the error code, and the status never polls', async () => {
    const { result } = renderHook(
      () => {
        const send = useSendMessage()
        return { send, status: useMessageStatus(send.data?.id, { pollInterval: 10 }) }
      },
      { wrapper: kirimWrapper(queryClient, directClient(emulator, page)) },
    )

    act(() =>
      result.current.send.mutate({ to: CLOSED_WINDOW, type: 'text', text: { body: 'Halo' } }),
    )
    await waitFor(() => expect(result.current.send.isSuccess).toBe(true))

    expect(result.current.send.data?.status).toBe('failed')
    expect(result.current.status.data?.status).toBe('failed')
    expect(result.current.status.data?.error?.code).toBe('outside_24h_window')
    expect(result.current.status.data?.error?.provider_code).toBe(131047)
    await new Promise((resolve) => setTimeout(resolve, 80))
    expect(page.count('GET', MESSAGE_PATH)).toBe(0)
  })

  test('a body that breaks a rule is a ValidationError naming the field; nothing is sent', async () => {
    const { result } = renderHook(() => useSendMessage(), {
      wrapper: kirimWrapper(queryClient, directClient(emulator, page)),
    })

    act(() => result.current.mutate({ to: '0811', type: 'text', text: { body: 'Halo' } }))
    await waitFor(() => expect(result.current.isError).toBe(true))

    expect(result.current.error).toBeInstanceOf(ValidationError)
    expect(result.current.error?.code).toBe('invalid_input')
    expect((result.current.error as ValidationError).issues.map((issue) => issue.path)).toContain(
      'to',
    )
    expect(idempotencyKeysOfSends()).toHaveLength(0)
    expect(await emulator.stored()).toHaveLength(0)
  })

  test('variables that are not an object (from JavaScript) get the core ValidationError, not a TypeError', async () => {
    const { result } = renderHook(() => useSendMessage(), {
      wrapper: kirimWrapper(queryClient, directClient(emulator, page)),
    })
    for (const variables of [undefined, null, 'Halo', 42, true]) {
      let error: unknown
      await act(async () => {
        error = await result.current
          .mutateAsync(variables as unknown as SendMessageBody)
          .catch((e: unknown) => e)
      })
      expect(error).toBeInstanceOf(ValidationError)
      expect(error).toMatchObject({ code: 'invalid_input' })
      expect((error as ValidationError).issues.length).toBeGreaterThan(0)
      await waitFor(() => expect(result.current.error).toBe(error))
    }
    expect(idempotencyKeysOfSends()).toHaveLength(0)
    expect(await emulator.stored()).toHaveLength(0)
  })

  test('an API refusal is the typed KirimError subclass, with its code and request id', async () => {
    const client = new Kirim({
      apiKey: 'kdv_live_wrongwrongwrongwrongwrong',
      baseUrl: emulator.url,
      fetch: page.fetch,
      maxRetries: 0,
      dangerouslyAllowBrowser: true,
    })
    const { result } = renderHook(() => useSendMessage(), {
      wrapper: kirimWrapper(queryClient, client),
    })

    act(() => result.current.mutate(hello()))
    await waitFor(() => expect(result.current.isError).toBe(true))

    expect(result.current.error).toBeInstanceOf(AuthenticationError)
    expect(result.current.error?.status).toBe(401)
    expect(result.current.error?.code).toBe('invalid_api_key')
    expect(result.current.error?.requestId).toMatch(/^req_/)
  })

  test('outside a KirimProvider it throws a clear error', () => {
    expect(() => renderHook(() => useSendMessage())).toThrow(/inside <KirimProvider/)
  })
})
