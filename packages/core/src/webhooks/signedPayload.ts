const encoder = new TextEncoder()

/**
 * The bytes the HMAC covers: `"<t>.<raw body>"`, with `t` exactly as it appears in the header
 * (its digits, not a re-formatted number) and the body's own bytes, never re-encoded.
 */
export function signedPayload(timestamp: string, body: Uint8Array): Uint8Array<ArrayBuffer> {
  const prefix = encoder.encode(`${timestamp}.`)
  const payload = new Uint8Array(prefix.length + body.length)
  payload.set(prefix, 0)
  payload.set(body, prefix.length)
  return payload
}
