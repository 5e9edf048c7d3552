'use client'
import type { Kirim } from '@kirim/core'
import { useKirimContext } from './useKirimContext.ts'

/**
 * The `Kirim` client of the nearest `KirimProvider`, for calls the hooks do not cover and for
 * the options factories.
 *
 * @example
 * const kirim = useKirim()
 * const queryClient = useQueryClient()
 * const prefetch = () => queryClient.prefetchQuery(templatesQueryOptions(kirim))
 */
export function useKirim(): Kirim {
  return useKirimContext('useKirim').client
}
