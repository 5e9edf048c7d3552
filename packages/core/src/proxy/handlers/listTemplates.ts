/**
 * `GET <basePath>/v1/templates`: forwarded with the known filters only (`status`, `language`,
 * `name`, `limit`, `cursor`, first value of each); any other query parameter is dropped.
 */
import type { ProxyContext } from '../context.ts'
import { answerFrom, askUpstream } from '../upstream.ts'

/** The query parameters passed upstream. */
export const TEMPLATE_QUERY_PARAMS = ['status', 'language', 'name', 'limit', 'cursor'] as const

/** Forwards the listing. */
export async function listTemplates(context: ProxyContext, request: Request): Promise<Response> {
  const given = new URL(request.url).searchParams
  const query = new URLSearchParams()
  for (const name of TEMPLATE_QUERY_PARAMS) {
    const value = given.get(name)
    if (value !== null) query.set(name, value)
  }
  const outcome = await askUpstream(context, {
    method: 'GET',
    path: '/v1/templates',
    query,
    signal: request.signal,
  })
  return outcome.ok ? answerFrom(outcome.answer) : outcome.response
}
