/**
 * How `KirimProvider` reaches the proxy's status event stream (`GET <basePath>/events`). Pass a
 * string for the URL alone.
 *
 * @example
 * <KirimProvider client={kirim} events={{ url: '/api/kirim/events', token: getProxyToken }}>
 */
export interface EventsOptions {
  /**
   * The proxy's event-stream URL; a relative one is resolved against the page.
   *
   * @example '/api/kirim/events'
   */
  readonly url: string
  /**
   * The proxy token, sent as `Authorization: Bearer <token>` (never in the URL). Called before
   * every connection, so return a fresh token when the last one expired; `null` or `undefined`
   * sends no `Authorization` (for a proxy that authenticates the stream by cookie).
   *
   * A stream refused with 401 while it sent no token stops for good (there is no token to
   * refresh), and `useMessageStatus` polls instead, until every hook using it has unmounted.
   *
   * @default the provider client's own token (`client.token()`): no token request of its own,
   * and a token the proxy refuses is refreshed once, for the client and the stream together. An
   * `apiKey` client has no token to share (its key never leaves it), so its stream sends no
   * `Authorization`: `createProxy` refuses that (401 `missing_token`) and the hooks poll through
   * the client. Give `token` to make such a stream live.
   */
  readonly token?:
    | (() => string | null | undefined | Promise<string | null | undefined>)
    | undefined
  /**
   * The `fetch` the stream is read with.
   *
   * @default globalThis.fetch, looked up at call time
   */
  readonly fetch?: typeof fetch | undefined
  /**
   * Milliseconds to wait before reconnection attempt `attempt` (0 for the first after a drop).
   * `serverRetry` is the delay the proxy asked for with `retry:` (3000 until it says otherwise).
   *
   * @default serverRetry × 2^attempt, at most 30 s, ±20 % jitter
   */
  readonly retryDelay?: ((attempt: number, serverRetry: number) => number) | undefined
  /**
   * Milliseconds without a byte (the proxy pings every 15 s) after which the connection counts as
   * dead and is reopened: some networks drop idle connections without closing them.
   *
   * @default 45000
   */
  readonly heartbeatTimeout?: number | undefined
}
