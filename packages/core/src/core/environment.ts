// Every runtime difference the SDK cares about, as feature checks in this one file.

/**
 * True in a browser page: `window` and `document` exist. Web workers have neither, Deno 2 has
 * no `window`, and Node, Bun, Workers and Vercel Edge have neither, so all of those count as
 * servers. A DOM emulation (happy-dom, jsdom) counts as a browser, as it should in tests.
 */
export const isBrowser = (): boolean =>
  typeof window !== 'undefined' &&
  typeof document !== 'undefined' &&
  !('Deno' in globalThis) &&
  typeof (globalThis as { importScripts?: unknown }).importScripts !== 'function'

/**
 * A random UUID v4. `crypto.randomUUID` exists only in secure contexts, so a page served over
 * plain http (other than localhost) falls back to `crypto.getRandomValues`, which exists everywhere.
 */
export const randomUUID = (): string => {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
