/**
 * Idempotency keys are scoped to the Kirim organisation, and every browser behind the proxy
 * shares one organisation. The key sent upstream is therefore derived from the subject and the
 * browser's key: one subject's retries still meet their first attempt, and no subject can replay
 * (or block with a different body) another subject's send by reusing its key.
 */
import { base64url } from 'jose'

const encoder = new TextEncoder()

/** `kp_` and the base64url SHA-256 of the subject and the key (46 characters). */
export async function upstreamIdempotencyKey(subject: string, key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(`${subject}\u0000${key}`))
  return `kp_${base64url.encode(new Uint8Array(digest))}`
}
