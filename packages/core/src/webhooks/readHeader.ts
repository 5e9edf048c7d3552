import { type Check, issue } from '../internal/checkOptions.ts'
import { describeValue } from '../schemas/describe.ts'

/**
 * The request headers of a webhook delivery: a Web `Headers` (fetch, Workers, Next.js, Deno,
 * Bun) or a plain record such as Node's `IncomingHttpHeaders` (Express, `node:http`), whose
 * values may be arrays. Names are matched case-insensitively either way.
 */
export type WebhookHeaders =
  | Headers
  | { readonly [name: string]: string | readonly string[] | undefined }

/** A `Headers` or a record of header values. */
export const checkHeaders = (headers: unknown): Check =>
  (typeof headers === 'object' && headers !== null) ||
  issue(
    'headers',
    `must be a Headers object or a record of header values (got ${describeValue(headers)})`,
  )

/**
 * The value of header `name` (lower case), or `undefined` when absent. Repeated headers are
 * joined with `", "`, as `Headers.get` does, so both shapes give the same answer.
 */
export function readHeader(headers: WebhookHeaders, name: string): string | undefined {
  // A feature check rather than `instanceof Headers`: undici's, the edge runtimes' and a
  // polyfill's `Headers` are different classes, and a record never has a callable `get`.
  if (typeof headers.get === 'function') return (headers as Headers).get(name) ?? undefined
  const values: string[] = []
  for (const [key, value] of Object.entries(headers as Record<string, unknown>)) {
    if (key.toLowerCase() !== name) continue
    if (typeof value === 'string') values.push(value)
    else if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'string') values.push(item)
    }
  }
  return values.length === 0 ? undefined : values.join(', ')
}
