const EXPOSED = [
  'Date',
  'X-Request-Id',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'Retry-After',
  'Idempotent-Replayed',
]

const ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'Idempotency-Key',
  'X-Emulator-Fault',
  'X-Emulator-Latency',
]

/** Headers every answer carries so browsers can call the emulator from any origin. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': EXPOSED.join(', '),
}

/** The answer to a CORS preflight (any path). */
export function preflight(request: Request, requestId: string): Response {
  const requested = request.headers.get('access-control-request-headers')
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      'Access-Control-Allow-Methods': 'GET, HEAD, POST, PUT, DELETE, OPTIONS',
      'Access-Control-Allow-Headers': requested ?? ALLOWED_HEADERS.join(', '),
      'Access-Control-Max-Age': '600',
      Vary: 'Access-Control-Request-Headers',
      'X-Request-Id': requestId,
    },
  })
}
