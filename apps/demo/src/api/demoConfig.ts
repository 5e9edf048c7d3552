/** The server side's description of itself (`GET /api/demo/config`), loaded once. */
import { queryOptions } from '@tanstack/react-query'
import type { DemoPageConfig } from '../../shared/protocol.ts'

async function fetchDemoConfig(): Promise<DemoPageConfig> {
  const response = await fetch('/api/demo/config')
  if (!response.ok) throw new Error(`GET /api/demo/config answered HTTP ${response.status}.`)
  return (await response.json()) as DemoPageConfig
}

/** `GET /api/demo/config`: fixed for the life of the server, so never stale. */
export const demoConfigQuery = queryOptions({
  queryKey: ['demo', 'config'],
  queryFn: fetchDemoConfig,
  staleTime: Number.POSITIVE_INFINITY,
})
