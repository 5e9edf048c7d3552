import { type Template, ValidationError } from '@kirim/core'
import type { QueryClient } from '@tanstack/react-query'
import { act, cleanup, renderHook, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { type BrowserFetch, createBrowserFetch } from '../../test/support/browserFetch.ts'
import { nodeFetch } from '../../test/support/nodeFetch.ts'
import { directClient, kirimWrapper, newQueryClient } from '../../test/support/render.tsx'
import { API_KEY, startEmulator, type TestEmulator } from '../../test/support/servers.ts'
import { templateBodyParameterCount } from './templateBodyParameterCount.ts'
import { useInfiniteTemplates } from './useInfiniteTemplates.ts'
import { useTemplates } from './useTemplates.ts'

let emulator: TestEmulator
let page: BrowserFetch
let queryClient: QueryClient

beforeEach(async () => {
  emulator = await startEmulator()
  page = createBrowserFetch()
  queryClient = newQueryClient()
})

afterEach(async () => {
  cleanup()
  queryClient.clear()
  await emulator.close()
})

/** Every template the emulator has with `query`, read page by page straight from its API. */
async function expected(query: string): Promise<string[]> {
  const ids: string[] = []
  let cursor: string | null = null
  do {
    const url = `${emulator.url}/v1/templates?limit=100&${query}${cursor === null ? '' : `&cursor=${cursor}`}`
    const response = await nodeFetch(url, { headers: { authorization: `Bearer ${API_KEY}` } })
    const body = (await response.json()) as { data: Template[]; next_cursor: string | null }
    ids.push(...body.data.map((template) => template.id))
    cursor = body.next_cursor
  } while (cursor !== null)
  return ids
}

const TEMPLATE_PAGES = '/v1/templates'

describe('useTemplates', () => {
  test('lists the approved templates by default, every page of them', async () => {
    const { result } = renderHook(() => useTemplates({ limit: 10 }), {
      wrapper: kirimWrapper(queryClient, directClient(emulator, page)),
    })
    await waitFor(() => expect(result.current.isSuccess).toBe(true))

    const approved = await expected('status=approved')
    expect(approved.length).toBeGreaterThan(20)
    expect(result.current.data?.map((template) => template.id)).toEqual(approved)
    expect(new Set(result.current.data?.map((template) => template.status))).toEqual(
      new Set(['approved']),
    )
    expect(page.count('GET', TEMPLATE_PAGES)).toBe(Math.ceil(approved.length / 10))
    expect(
      page.requests.every((request) => request.url.searchParams.get('status') === 'approved'),
    ).toBe(true)
  })

  test("status: 'all' lists every status; other filters pass through", async () => {
    const { result } = renderHook(
      () => [useTemplates({ status: 'all' }), useTemplates({ language: 'en_US' })] as const,
      { wrapper: kirimWrapper(queryClient, directClient(emulator, page)) },
    )
    await waitFor(() => expect(result.current.every((query) => query.isSuccess)).toBe(true))

    const all = result.current[0].data!
    expect(all.map((template) => template.id)).toEqual(await expected(''))
    expect(new Set(all.map((template) => template.status))).toEqual(
      new Set(['approved', 'pending', 'paused', 'disabled', 'rejected']),
    )
    expect(result.current[1].data?.map((template) => template.id)).toEqual(
      await expected('status=approved&language=en_US'),
    )
  })

  test('no params and explicit approved share one cache entry and one request', async () => {
    const { result } = renderHook(
      () => [useTemplates(), useTemplates({ status: 'approved' })] as const,
      {
        wrapper: kirimWrapper(queryClient, directClient(emulator, page)),
      },
    )
    await waitFor(() => expect(result.current[1].isSuccess).toBe(true))
    expect(result.current[0].data).toBe(result.current[1].data)
    expect(page.count('GET', TEMPLATE_PAGES)).toBe(1)
  })

  test('with templateBodyParameterCount, says how many body parameters each seeded template needs', async () => {
    const { result } = renderHook(
      () =>
        useTemplates(
          {},
          {
            select: (templates) =>
              Object.fromEntries(
                templates.map((template) => [template.name, templateBodyParameterCount(template)]),
              ),
          },
        ),
      { wrapper: kirimWrapper(queryClient, directClient(emulator, page)) },
    )
    await waitFor(() => expect(result.current.isSuccess).toBe(true))
    expect(result.current.data).toMatchObject({
      order_confirmation: 2,
      reengagement: 0,
      otp_code: 1,
    })
  })

  test('parameters that break a rule are a ValidationError naming the field; nothing is sent', async () => {
    const { result } = renderHook(() => useTemplates({ limit: 101 }), {
      wrapper: kirimWrapper(queryClient, directClient(emulator, page)),
    })
    await waitFor(() => expect(result.current.isError).toBe(true))
    expect(result.current.error).toBeInstanceOf(ValidationError)
    expect(result.current.error?.param).toBe('limit')
    expect(page.requests).toHaveLength(0)
  })
})

describe('useInfiniteTemplates', () => {
  test('loads approved templates page by page until the API says there is no more', async () => {
    const { result } = renderHook(() => useInfiniteTemplates({ limit: 10 }), {
      wrapper: kirimWrapper(queryClient, directClient(emulator, page)),
    })
    await waitFor(() => expect(result.current.isSuccess).toBe(true))
    expect(result.current.data?.pages).toHaveLength(1)
    expect(result.current.data?.pages[0]?.data).toHaveLength(10)
    expect(result.current.hasNextPage).toBe(true)

    while (result.current.hasNextPage) {
      await act(() => result.current.fetchNextPage())
    }

    const approved = await expected('status=approved')
    const loaded = result.current.data!.pages.flatMap((loadedPage) => loadedPage.data)
    expect(loaded.map((template) => template.id)).toEqual(approved)
    expect(result.current.data!.pages).toHaveLength(Math.ceil(approved.length / 10))
    expect(result.current.data!.pages.at(-1)?.nextCursor).toBeNull()
    const cursors = page.requests.map((request) => request.url.searchParams.get('cursor'))
    expect(cursors[0]).toBeNull()
    expect(
      cursors.slice(1).every((cursor) => typeof cursor === 'string' && cursor.length > 0),
    ).toBe(true)
  })
})
