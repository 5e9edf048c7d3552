'use client'
import type { KirimError, Template } from '@kirim/core'
import { type UseQueryResult, useQuery } from '@tanstack/react-query'
import { useKirimContext } from '../provider/useKirimContext.ts'
import type { TemplatesParams } from './TemplatesParams.ts'
import { templatesQueryOptions } from './templatesQueryOptions.ts'

/** Options of {@link useTemplates}. */
export interface UseTemplatesOptions<TData = Template[]> {
  /**
   * Derives what the component reads; it re-renders only when that changes.
   *
   * @example (templates) => templates.map((template) => template.name)
   */
  readonly select?: ((templates: Template[]) => TData) | undefined
  /**
   * Set to `false` to not fetch yet.
   *
   * @default true
   */
  readonly enabled?: boolean | undefined
}

/**
 * The organisation's templates, every page: `useQuery` over {@link templatesQueryOptions}.
 * Approved templates unless `params.status` says otherwise (`'all'` for every status). Pair it
 * with `templateBodyParameterCount` to build the send form.
 *
 * @example
 * const { data: templates = [] } = useTemplates({ language: 'id_ID' })
 * templates.map((template) => `${template.name} (${templateBodyParameterCount(template)} parameters)`)
 */
export function useTemplates<TData = Template[]>(
  params: TemplatesParams = {},
  options: UseTemplatesOptions<TData> = {},
): UseQueryResult<TData, KirimError> {
  const { client } = useKirimContext('useTemplates')
  return useQuery({
    ...templatesQueryOptions(client, params),
    select: options.select,
    enabled: options.enabled ?? true,
  })
}
