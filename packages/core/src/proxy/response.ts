/**
 * What every answer the proxy writes itself carries: JSON, never cached, never sniffed, and a
 * `req_…` id in Kirim's shape for its error envelopes.
 */

/** The headers of every answer of the proxy's own, and of every upstream answer passed on. */
export const PRIVATE_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
}

/** A JSON response with the headers every proxy answer carries. */
export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...PRIVATE_HEADERS, ...headers },
  })
}

/** Crockford's base32 alphabet, the characters of Kirim's ids after their prefix. */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** A fresh `req_…` id in Kirim's shape: `req_` and 26 Crockford base32 characters (ULID-like). */
export function newRequestId(): string {
  // A ULID: 48 bits of milliseconds then 80 random bits, so ids sort by time like Kirim's.
  const chars: string[] = []
  let time = Date.now()
  for (let i = 9; i >= 0; i--) {
    chars[i] = CROCKFORD[time % 32]!
    time = Math.floor(time / 32)
  }
  const random = crypto.getRandomValues(new Uint8Array(16))
  for (let i = 0; i < 16; i++) chars.push(CROCKFORD[random[i]! % 32]!)
  return `req_${chars.join('')}`
}
