import { type Message, NotFoundError } from '@kirim/core'
import { focusManager, type QueryClient } from '@tanstack/react-query'
import { cleanup, renderHook, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { type BrowserFetch, createBrowserFetch } from '../../test/support/browserFetch.ts'
import { directClient, kirimWrapper, newQueryClient } from '../../test/support/render.tsx'
import { startEmulator, type TestEmulator } from '../../test/support/servers.ts'
import { useMessageStatus } from './useMessageStatus.ts'

const MESSAGE_PATH = /^\/v1\/messages\/msg_/
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

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
  focusManager.setFocused(undefined)
  queryClient.clear()
  await emulator.close()
})

// A template needs no open 24-hour window, so it reaches every test recipient.
const send = (to: string): Promise<Message> =>
  directClient(emulator, page).messages.send({
    to,
    type: 'template',
    template: { name: 'reengagement', language: 'id_ID' },
  })

describe('useMessageStatus without an event stream', () => {
  test('polls through pending → sent → delivered → read, then stops polling', async () => {
    const message = await send('+628111111111')
    const statuses: string[] = []
    const { result } = renderHook(
      () => {
        const status = useMessageStatus(message.id, { pollInterval: 10, maxPollInterval: 20 })
        const current = status.data?.status
        if (current !== undefined && statuses.at(-1) !== current) statuses.push(current)
        return status
      },
      { wrapper: kirimWrapper(queryClient, directClient(emulator, page)) },
    )

    await waitFor(() => expect(result.current.data?.status).toBe('pending'))
    for (const [advance, status] of [
      ['1s', 'sent'],
      ['1s', 'delivered'],
      ['2s', 'read'],
    ] as const) {
      await emulator.emulator.clock.advance(advance)
      await waitFor(() => expect(result.current.data?.status).toBe(status))
    }

    expect(statuses).toEqual(['pending', 'sent', 'delivered', 'read'])
    const polls = page.count('GET', MESSAGE_PATH)
    await sleep(120)
    expect(page.count('GET', MESSAGE_PATH)).toBe(polls)
    expect(result.current.isFetching).toBe(false)
  })

  test('stops polling at failed, with the error code', async () => {
    const message = await send('+628133333333')
    expect(message.status).toBe('pending')
    await emulator.emulator.clock.advance('10s')
    const { result } = renderHook(
      () => useMessageStatus(message.id, { pollInterval: 10, maxPollInterval: 20 }),
      {
        wrapper: kirimWrapper(queryClient, directClient(emulator, page)),
      },
    )
    await waitFor(() => expect(result.current.data?.status).toBe('failed'))

    expect(result.current.data?.error?.code).toBe('recipient_not_on_whatsapp')
    const polls = page.count('GET', MESSAGE_PATH)
    await sleep(120)
    expect(page.count('GET', MESSAGE_PATH)).toBe(polls)
  })

  test('pauses in a background tab and catches up when the tab is back', async () => {
    const message = await send('+628111111111')
    const { result } = renderHook(
      () => useMessageStatus(message.id, { pollInterval: 10, maxPollInterval: 10 }),
      {
        wrapper: kirimWrapper(queryClient, directClient(emulator, page)),
      },
    )
    await waitFor(() => expect(page.count('GET', MESSAGE_PATH)).toBeGreaterThanOrEqual(3))

    focusManager.setFocused(false)
    await sleep(30) // let a request already in flight land
    const polls = page.count('GET', MESSAGE_PATH)
    await emulator.emulator.clock.advance('1s')
    await sleep(150)
    expect(page.count('GET', MESSAGE_PATH)).toBe(polls)
    expect(result.current.data?.status).toBe('pending')

    focusManager.setFocused(true)
    await waitFor(() => expect(result.current.data?.status).toBe('sent'))
    expect(page.count('GET', MESSAGE_PATH)).toBeGreaterThan(polls)
  })

  test('backs off while the status stays the same', async () => {
    const message = await send('+628111111111')
    renderHook(() => useMessageStatus(message.id, { pollInterval: 10, maxPollInterval: 10_000 }), {
      wrapper: kirimWrapper(queryClient, directClient(emulator, page)),
    })
    // 10, 20, 40, 80, 160 ms …: five polls take ~310 ms, where a fixed 10 ms would make ~30.
    await sleep(400)
    const polls = page.count('GET', MESSAGE_PATH)
    expect(polls).toBeGreaterThanOrEqual(4)
    expect(polls).toBeLessThanOrEqual(8)
  })

  test('select: a component can read the status alone', async () => {
    const message = await send('+628111111111')
    const { result } = renderHook(
      () => useMessageStatus(message.id, { select: (value) => value.status, pollInterval: 10 }),
      { wrapper: kirimWrapper(queryClient, directClient(emulator, page)) },
    )
    await waitFor(() => expect(result.current.data).toBe('pending'))
  })

  test('without an id it waits: no request, no error', async () => {
    const { result } = renderHook(() => useMessageStatus(undefined), {
      wrapper: kirimWrapper(queryClient, directClient(emulator, page)),
    })
    await sleep(50)
    expect(result.current.fetchStatus).toBe('idle')
    expect(result.current.data).toBeUndefined()
    expect(page.requests).toHaveLength(0)
  })

  test('an unknown id is a NotFoundError', async () => {
    const { result } = renderHook(() => useMessageStatus('msg_01J0000000000000000000000X'), {
      wrapper: kirimWrapper(queryClient, directClient(emulator, page)),
    })
    await waitFor(() => expect(result.current.isError).toBe(true))
    expect(result.current.error).toBeInstanceOf(NotFoundError)
    expect(result.current.error?.code).toBe('resource_not_found')
  })
})
