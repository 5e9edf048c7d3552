/** A short-lived token as the token endpoint (or the caller's function) hands it out. */
export interface IssuedToken {
  readonly token: string
  /** Seconds the token stays valid, counted from when it was issued. */
  readonly expiresIn: number
}

/**
 * A function that returns a fresh short-lived token, for apps that mint tokens their own way.
 * Called on first use and again shortly before `expiresIn` runs out (or after a 401); calls
 * that need a token meanwhile share one pending call.
 *
 * @example
 * const kirim = new Kirim({
 *   token: async () => {
 *     const response = await fetch('/api/kirim/token', { method: 'POST' })
 *     return response.json() // { token: string, expiresIn: number (seconds) }
 *   },
 * })
 */
export type TokenFunction = () => Promise<IssuedToken>

/** Options every client takes, whichever credential it uses. */
export interface BaseKirimOptions {
  /**
   * Where the API lives. A relative URL (`/api/kirim`) is resolved against the page, for a
   * browser app that talks to its own proxy.
   *
   * @default 'https://api-kckit.kirim.chat'
   * @example 'http://127.0.0.1:4010' // the local emulator
   */
  readonly baseUrl?: string | undefined
  /**
   * The sender used when a message has no `from`: needed when the organisation has several
   * connected numbers. A message's own `from` wins.
   *
   * @example '+628511760008029'
   */
  readonly from?: string | undefined
  /**
   * Milliseconds each attempt may take, the response body included, before it is abandoned (and
   * retried).
   *
   * @default 30000
   */
  readonly timeout?: number | undefined
  /**
   * How many times a failed call is retried: network errors, timeouts, 408, 429, 5xx and 409
   * `idempotency_in_progress`, with exponential backoff and full jitter (500 ms doubling up to
   * 8 s), or as long as `Retry-After` asks (up to 60 s). From 0 (no retries) to 10.
   *
   * @default 3
   */
  readonly maxRetries?: number | undefined
  /**
   * The `fetch` to use; the global one by default (looked up at call time). Handy for tests,
   * instrumentation, or the emulator in-process (`fetch: emulator.fetch`).
   *
   * @default globalThis.fetch
   */
  readonly fetch?: typeof fetch | undefined
  /** Extra headers sent with every request (not `Authorization`, which the client sets). */
  readonly headers?: Readonly<Record<string, string>> | undefined
  /**
   * Allows an `apiKey` in a browser. The key then ships to every visitor, who can send messages
   * as your organisation: use `tokenUrl` instead, unless the page is an internal tool.
   *
   * @default false
   */
  readonly dangerouslyAllowBrowser?: boolean | undefined
}

/** Server side (Node, Deno, Bun, Workers, edge functions): authenticate with the API key. */
export interface ApiKeyOptions extends BaseKirimOptions {
  /**
   * The secret API key (`kdv_live_…`). Kept in a private field: it never appears in errors,
   * `toString`, `JSON.stringify` or `console.log` of the client.
   */
  readonly apiKey: string
  readonly token?: undefined
  readonly tokenUrl?: undefined
}

/** A token you already have (a string, used as is) or a function that fetches fresh ones. */
export interface TokenOptions extends BaseKirimOptions {
  /**
   * A bearer token, or a function returning `{ token, expiresIn }`. A string cannot be refreshed:
   * once it expires every call throws `AuthenticationError`.
   */
  readonly token: string | TokenFunction
  readonly apiKey?: undefined
  readonly tokenUrl?: undefined
}

/** In the browser: fetch short-lived tokens from your own endpoint (the `@kirim/core/proxy`). */
export interface TokenUrlOptions extends BaseKirimOptions {
  /**
   * Your token endpoint. The client POSTs to it (no body, `credentials: 'include'` in browsers so
   * your session cookie goes along, even cross-origin) and expects `{ token, expiresIn }`; the
   * token is cached and refreshed shortly before it expires, measured on the local monotonic
   * clock. Network failures of this POST are retried; its error answers are not.
   *
   * @example '/api/kirim/token'
   */
  readonly tokenUrl: string
  readonly apiKey?: undefined
  readonly token?: undefined
}

/**
 * Options of `new Kirim(options)`: exactly one of `apiKey`, `token` or `tokenUrl`, plus the
 * common options.
 *
 * @example
 * new Kirim({ apiKey: env.KIRIM_API_KEY })                                // server
 * new Kirim({ tokenUrl: '/api/kirim/token', baseUrl: '/api/kirim' })      // browser, via the proxy
 */
export type KirimOptions = ApiKeyOptions | TokenOptions | TokenUrlOptions

/** Options every call takes. */
export interface RequestOptions {
  /** Aborts the call: the current attempt is cancelled, no retry follows, and it rejects with `ConnectionError` (`code: 'aborted'`). */
  readonly signal?: AbortSignal | undefined
  /** Milliseconds each attempt may take (response body included); overrides the client's `timeout`. */
  readonly timeout?: number | undefined
  /** Retries for this call; overrides the client's `maxRetries`. */
  readonly maxRetries?: number | undefined
}
