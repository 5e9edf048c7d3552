import { sha256 } from '@noble/hashes/sha2.js'
import { canonicalJson } from './canonical-json.ts'

const encoder = new TextEncoder()

/**
 * What identifies an idempotent request: method, path and canonical JSON body, kept as a
 * digest (the first 128 bits of SHA-256, base64url: 22 characters) so a stored key costs the
 * same whatever the size of its body. Synchronous SHA-256 (noble-hashes): the async
 * `crypto.subtle.digest` hops to a thread pool and cost each send more than the rest of its
 * work. The body's depth was checked when it was read, so canonicalising it recursively is safe.
 */
export function fingerprint(method: string, path: string, body: unknown): string {
  const text = `${method.toUpperCase()} ${path}\n${canonicalJson(body)}`
  const digest = sha256(encoder.encode(text)).subarray(0, 16)
  // The regexp replace comes last on purpose: it leaves one flat string, where `replaceAll`
  // alone leaves a rope of pieces that the store would keep (about 90 bytes more a message).
  return btoa(String.fromCharCode(...digest))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')
}
