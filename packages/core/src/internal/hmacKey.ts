const encoder = new TextEncoder()

// Bounded so that a server verifying for many tenants (one secret each) cannot grow it forever;
// a few secrets per endpoint is the usual case, and re-importing an evicted key is cheap.
const MAX_CACHED_KEYS = 100
const keys = new Map<string, Promise<CryptoKey>>()

/**
 * The HMAC-SHA256 `CryptoKey` for `secret`, whose UTF-8 bytes are the key (a `whsec_…` prefix
 * included), for webhook signatures and the proxy's tokens alike. Imported once per secret
 * (non-extractable) and cached; the cached promise, not the key, so that concurrent first
 * deliveries share one import.
 */
export function hmacKey(secret: string): Promise<CryptoKey> {
  const cached = keys.get(secret)
  if (cached) return cached
  if (typeof globalThis.crypto?.subtle?.importKey !== 'function') {
    throw new TypeError(
      'crypto.subtle is not available: HMAC signatures (webhooks, proxy tokens) need the Web Crypto API ' +
        '(Node 22+, Deno, Bun, Workers, Vercel Edge, or a browser page served over https).',
    )
  }
  const key = crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  )
  key.catch(() => keys.delete(secret))
  if (keys.size >= MAX_CACHED_KEYS) {
    const oldest = keys.keys().next()
    if (!oldest.done) keys.delete(oldest.value)
  }
  keys.set(secret, key)
  return key
}
