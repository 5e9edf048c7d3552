import type { Kirim, KirimError, Page, Template } from '@kirim/core'
import { type InfiniteData, infiniteQueryOptions } from '@tanstack/react-query'
import { kirimKeys } from '../keys/kirimKeys.ts'
import type { TemplatesParams } from './TemplatesParams.ts'
import { listParams, templateFilters } from './templateFilters.ts'

/**
 * The query of a template list, one page at a time (`GET /v1/templates`, `limit` a page, the
 * API's 25 by default), for `useInfiniteQuery` / {@link useInfiniteTemplates}: approved
 * templates unless `status` says otherwise. Each page is core's `Page<Template>`
 * (`{ data, hasMore, nextCursor, requestId }`); `hasNextPage` follows the API's `has_more`.
 *
 * @example
 * const pages = useInfiniteQuery(templatesInfiniteQueryOptions(kirim, { limit: 20 }))
 * const templates = pages.data?.pages.flatMap((page) => page.data)
 * <button disabled={!pages.hasNextPage} onClick={() => pages.fetchNextPage()}>More</button>
 */
export function templatesInfiniteQueryOptions(client: Kirim, params: TemplatesParams = {}) {
  const filters = templateFilters(params)
  return infiniteQueryOptions<
    Page<Template>,
    KirimError,
    InfiniteData<Page<Template>, string | null>,
    ReturnType<typeof kirimKeys.templatePages>,
    string | null
  >({
    queryKey: kirimKeys.templatePages(filters),
    queryFn: async ({ pageParam, signal }) => {
      const query = listParams(filters)
      return await client.templates.list(
        pageParam === null ? query : { ...query, cursor: pageParam },
        {
          signal,
        },
      )
    },
    initialPageParam: null,
    getNextPageParam: (page) => (page.hasMore ? page.nextCursor : null),
    staleTime: 60_000,
    retry: false,
  })
}
