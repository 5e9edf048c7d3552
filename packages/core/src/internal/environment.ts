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
export const randomUUID = (): string =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : // Each x of the template becomes a random hex digit; the 4 and the 8 set version and variant.
      '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (digit) =>
        (
          +digit ^
          ((crypto.getRandomValues(new Uint8Array(1))[0] ?? 0) & (15 >> (+digit / 4)))
        ).toString(16),
      )
