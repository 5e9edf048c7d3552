'use client'
import type { KirimError, Page, Template } from '@kirim/core'
import {
  type InfiniteData,
  type UseInfiniteQueryResult,
  useInfiniteQuery,
} from '@tanstack/react-query'
import { useKirimContext } from '../provider/useKirimContext.ts'
import type { TemplatesParams } from './TemplatesParams.ts'
import { templatesInfiniteQueryOptions } from './templatesInfiniteQueryOptions.ts'

/**
 * The organisation's templates, page by page: `useInfiniteQuery` over
 * {@link templatesInfiniteQueryOptions}. Approved templates unless `params.status` says
 * otherwise; `params.limit` is the page size.
 *
 * @example
 * const { data, hasNextPage, fetchNextPage } = useInfiniteTemplates({ limit: 20 })
 * const templates = data?.pages.flatMap((page) => page.data) ?? []
 */
export function useInfiniteTemplates(
  params: TemplatesParams = {},
): UseInfiniteQueryResult<InfiniteData<Page<Template>, string | null>, KirimError> {
  const { client } = useKirimContext('useInfiniteTemplates')
  return useInfiniteQuery(templatesInfiniteQueryOptions(client, params))
}
