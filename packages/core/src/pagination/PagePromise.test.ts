import { describe, expect, it } from 'vitest'
import { type Page, PagePromise } from './PagePromise.ts'

// Three pages of numbers, as a cursor-paginated endpoint would hand them out.
const pages: Record<string, Page<number>> = {
  start: { data: [1, 2], hasMore: true, nextCursor: 'c2', requestId: 'req_1' },
  c2: { data: [3, 4], hasMore: true, nextCursor: 'c3', requestId: 'req_2' },
  c3: { data: [5], hasMore: false, nextCursor: null, requestId: 'req_3' },
}

const source = () => {
  const asked: (string | undefined)[] = []
  const fetchPage = async (cursor: string | undefined) => {
    asked.push(cursor)
    const page = pages[cursor ?? 'start']
    if (!page) throw new Error(`unknown cursor ${cursor}`)
    return page
  }
  return { asked, fetchPage }
}

describe('PagePromise', () => {
  it('requests nothing until awaited or iterated', async () => {
    const { asked, fetchPage } = source()
    new PagePromise(fetchPage)
    await Promise.resolve()
    expect(asked).toEqual([])
  })

  it('awaits to the first page', async () => {
    const { asked, fetchPage } = source()
    const page = await new PagePromise(fetchPage)
    expect(page).toEqual(pages.start)
    expect(asked).toEqual([undefined])
  })

  it('iterates every item of every page, passing each next cursor verbatim', async () => {
    const { asked, fetchPage } = source()
    const items: number[] = []
    for await (const item of new PagePromise(fetchPage)) items.push(item)
    expect(items).toEqual([1, 2, 3, 4, 5])
    expect(asked).toEqual([undefined, 'c2', 'c3'])
  })

  it('reuses the awaited first page when iterated after', async () => {
    const { asked, fetchPage } = source()
    const list = new PagePromise(fetchPage)
    await list
    const sizes: number[] = []
    for await (const page of list.pages()) sizes.push(page.data.length)
    expect(sizes).toEqual([2, 2, 1])
    expect(asked).toEqual([undefined, 'c2', 'c3'])
  })

  it('stops fetching when the loop breaks', async () => {
    const { asked, fetchPage } = source()
    for await (const item of new PagePromise(fetchPage)) if (item === 2) break
    expect(asked).toEqual([undefined])
  })

  it('rejects await, catch and iteration alike when a page fails', async () => {
    const failing = new PagePromise<number>(async () => {
      throw new Error('boom')
    })
    await expect(failing).rejects.toThrow('boom')
    expect(await failing.catch((error: unknown) => (error as Error).message)).toBe('boom')
    await expect(
      (async () => {
        for await (const _ of failing) {
        }
      })(),
    ).rejects.toThrow('boom')
  })
})
