import type { TemplateListParams } from '@kirim/core'
import type { TemplatesParams } from './TemplatesParams.ts'

/** The filters as cached: `status` made explicit, so `{}` and `{ status: 'approved' }` share a cache entry. */
export const templateFilters = (params: TemplatesParams): TemplatesParams => ({
  ...params,
  status: params.status ?? 'approved',
})

/** The filters as the API takes them: `'all'` means no `status` filter. */
export const listParams = (filters: TemplatesParams): TemplateListParams => {
  const { status, ...rest } = filters
  return status === 'all' || status === undefined ? rest : { ...rest, status }
}
