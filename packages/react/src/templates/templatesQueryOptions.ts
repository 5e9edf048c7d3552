import type { Kirim, KirimError, Template } from '@kirim/core'
import { queryOptions } from '@tanstack/react-query'
import { kirimKeys } from '../keys/kirimKeys.ts'
import type { TemplatesParams } from './TemplatesParams.ts'
import { listParams, templateFilters } from './templateFilters.ts'

/** How long a template list stays fresh: templates change on Meta's review, not per second. */
export const TEMPLATES_STALE_TIME = 60_000

// The API's largest page (core's PAGE_SIZE_MAX, not public): the fewest requests for the list.
const WHOLE_LIST_PAGE_SIZE = 100

/**
 * The query of a template list, every page of it (`GET /v1/templates`, followed cursor by
 * cursor, 100 a page unless `limit` says otherwise): approved templates unless `status` says
 * otherwise. Fresh for a minute; transient failures are retried by the client itself, so
 * TanStack's `retry` is off. For page-by-page loading see {@link templatesInfiniteQueryOptions}.
 *
 * @example
 * const { data: templates } = useSuspenseQuery(templatesQueryOptions(kirim, { language: 'id_ID' }))
 * await queryClient.prefetchQuery(templatesQueryOptions(kirim))
 */
export function templatesQueryOptions(client: Kirim, params: TemplatesParams = {}) {
  const filters = templateFilters(params)
  return queryOptions<
    Template[],
    KirimError,
    Template[],
    ReturnType<typeof kirimKeys.templateList>
  >({
    queryKey: kirimKeys.templateList(filters),
    queryFn: async ({ signal }) => {
      const templates: Template[] = []
      const query = { ...listParams(filters), limit: filters.limit ?? WHOLE_LIST_PAGE_SIZE }
      for await (const template of client.templates.list(query, { signal }))
        templates.push(template)
      return templates
    },
    staleTime: TEMPLATES_STALE_TIME,
    retry: false,
  })
}
