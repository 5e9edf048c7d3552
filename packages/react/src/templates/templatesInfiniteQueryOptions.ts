import type { Kirim, KirimError, Page, Template } from '@kirim/core'
import { type InfiniteData, infiniteQueryOptions } from '@tanstack/react-query'
import { kirimKeys } from '../keys/kirimKeys.ts'
import type { TemplatesParams } from './TemplatesParams.ts'
import { listParams, templateFilters } from './templateFilters.ts'
import { TEMPLATES_STALE_TIME } from './templatesQueryOptions.ts'

/**
 * The query of a template list, one page at a time (`GET /v1/templates`, `limit` a page, the
 * API's 25 by default), for `useInfiniteQuery` / {@link useInfiniteTemplates}: approved
 * templates unless `status` says otherwise. Each page is core's `Page<Template>`
 * (`{ data, hasMore, nextCursor, requestId }`); `hasNextPage` follows the API's `has_more`.
 * Fresh for a minute, as {@link templatesQueryOptions}; transient failures are retried by the
 * client itself, so TanStack's `retry` is off.
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
      const page = pageParam === null ? query : { ...query, cursor: pageParam }
      return await client.templates.list(page, { signal })
    },
    initialPageParam: null,
    getNextPageParam: (page) => (page.hasMore ? page.nextCursor : null),
    staleTime: TEMPLATES_STALE_TIME,
    retry: false,
  })
}
