/**
 * Gets the bearer token of the next connection, or `undefined` (or `null`) to send none.
 * `rejected` is the token the proxy just refused (401, or `token_expired`), so a cache can drop it
 * and mint a new one; `signal` fires when the connection attempt is abandoned.
 */
export type TokenSource = (
  rejected: string | undefined,
  signal: AbortSignal,
) => Promise<string | null | undefined>

/** How the status stream connects: the provider's `events`, with every default filled in. */
export interface ConnectionOptions {
  readonly url: string
  readonly token: TokenSource
  readonly fetch: typeof fetch | undefined
  readonly retryDelay: (attempt: number, serverRetry: number) => number
  readonly heartbeatTimeout: number
}
