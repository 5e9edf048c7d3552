/**
 * Who may call the proxy from a browser: the CSRF check on `Origin`, CORS preflights, and the
 * CORS headers of every answer. Only origins in `allowedOrigins` ever get CORS headers; the
 * proxy's own origin needs none.
 */

import { refuse } from './errors.ts'

/** The request headers a browser may send cross-origin (what the SDK and `EventSource` send). */
const ALLOWED_HEADERS = 'Authorization, Content-Type, Idempotency-Key, Last-Event-ID'

/** The response headers the SDK reads, which a browser hides cross-origin unless exposed. */
export const EXPOSED_HEADERS = [
  'X-Request-Id',
  'Idempotent-Replayed',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'Retry-After',
].join(', ')

/** How long a browser may cache a preflight, in seconds. */
const PREFLIGHT_MAX_AGE = '600'

/** The origin policy of a proxy. */
export interface OriginPolicy {
  /**
   * The CSRF check: refuses a request whose `Origin` is not allowed, and one without `Origin`
   * when it carries cookies (or when `allowedOrigins` is set) and the browser did not mark it
   * same-origin (403 `origin_forbidden`, `origin_required`). `undefined` when the request may go on.
   */
  check(request: Request): Response | undefined
  /** The CORS headers for the answer to `request` (none unless its origin is in `allowedOrigins`). */
  headers(request: Request): Record<string, string>
  /** The answer to a CORS preflight. */
  preflight(request: Request, methods: readonly string[]): Response
}

/**
 * Builds the origin policy of `allowedOrigins` (already validated: exact origins like
 * `https://app.example.com`, no paths, no wildcards).
 */
export function createOriginPolicy(allowedOrigins: readonly string[] | undefined): OriginPolicy {
  const allowed = new Set(allowedOrigins ?? [])
  const strict = allowedOrigins !== undefined

  const listed = (request: Request): string | undefined => {
    const origin = request.headers.get('origin')
    return origin !== null && allowed.has(origin) ? origin : undefined
  }

  return {
    check(request) {
      const origin = request.headers.get('origin')
      if (origin !== null) {
        if (allowed.has(origin) || origin === new URL(request.url).origin) return undefined
        return refuse('origin_forbidden', {
          message: `Requests from ${origin === 'null' ? 'an opaque origin' : origin} are not allowed.`,
        })
      }
      // Browsers omit `Origin` on same-origin GETs (EventSource); Fetch Metadata says so, and
      // page scripts cannot forge `Sec-Fetch-Site`.
      if (request.headers.get('sec-fetch-site') === 'same-origin') return undefined
      if (request.headers.has('cookie') || strict) return refuse('origin_required')
      return undefined
    },

    headers(request): Record<string, string> {
      const origin = listed(request)
      if (origin === undefined) return request.headers.has('origin') ? { Vary: 'Origin' } : {}
      return {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Expose-Headers': EXPOSED_HEADERS,
        Vary: 'Origin',
      }
    },

    preflight(request, methods) {
      const origin = listed(request)
      if (origin === undefined) {
        return refuse('origin_forbidden', { headers: { Vary: 'Origin' } })
      }
      return new Response(null, {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Credentials': 'true',
          'Access-Control-Allow-Methods': methods.join(', '),
          'Access-Control-Allow-Headers': ALLOWED_HEADERS,
          'Access-Control-Max-Age': PREFLIGHT_MAX_AGE,
          Vary: 'Origin',
        },
      })
    },
  }
}
