import { canonicalJson } from './canonical-json.ts'

const encoder = new TextEncoder()

/**
 * What identifies an idempotent request: method, path and canonical JSON body, kept as a
 * digest (the first 128 bits of SHA-256, base64url: 22 characters) so a stored key costs
 * the same whatever the size of its body. The body's depth was checked when it was read,
 * so canonicalising it recursively is safe.
 */
export async function fingerprint(method: string, path: string, body: unknown): Promise<string> {
  const text = `${method.toUpperCase()} ${path}\n${canonicalJson(body)}`
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)))
  return btoa(String.fromCharCode(...digest.subarray(0, 16)))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')
}
