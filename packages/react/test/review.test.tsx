// Defects found in review, each pinned over real HTTP against the emulator.
import type { QueryClient } from '@tanstack/react-query'
import { cleanup, renderHook, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { useTemplates } from '../src/templates/useTemplates.ts'
import { type BrowserFetch, createBrowserFetch } from './support/browserFetch.ts'
import { directClient, kirimWrapper, newQueryClient } from './support/render.tsx'
import { startEmulator, type TestEmulator } from './support/servers.ts'

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

test('useTemplates with filters left undefined lists like no filters, 100 a page', async () => {
  const wrapper = kirimWrapper(queryClient, directClient(emulator, page))
  // What a component passes through when its props are not set.
  const props: { language?: string; limit?: number } = {}
  const given = renderHook(() => useTemplates({ language: props.language, limit: props.limit }), {
    wrapper,
  })
  await waitFor(() => expect(given.result.current.isSuccess).toBe(true))
  expect(given.result.current.data?.length).toBeGreaterThan(0)
  const [first] = page.requests
  expect(Object.fromEntries(first?.url.searchParams ?? [])).toEqual({
    limit: '100',
    status: 'approved',
  })
})
