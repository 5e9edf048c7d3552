import { KirimError } from './KirimError.ts'

/** Why no usable answer came back. */
export type ConnectionErrorCode =
  /** The connection failed or dropped (DNS, refused, reset, offline, CORS in a browser). */
  | 'network_error'
  /** An attempt took longer than `timeout`, on every attempt the retries allowed. */
  | 'timeout'
  /** The caller's `AbortSignal` fired; nothing more is tried after that. */
  | 'aborted'
  /** `messages.waitFor` reached its overall `timeout` before the message reached the status. */
  | 'wait_timeout'

/**
 * Thrown when no usable HTTP response came back: the network failed, every attempt timed out,
 * or the caller aborted. `cause` holds the underlying error (the runtime's `TypeError`, the
 * abort reason …); `code` says which case it is.
 *
 * Network failures and timeouts were already retried (up to `maxRetries`, with backoff); an abort
 * stops at once, including during the wait between two attempts. For a send, the request may or
 * may not have reached Kirim: call `send` again with the same `idempotencyKey` and Kirim replays
 * the first result instead of sending twice.
 *
 * `messages.waitFor` throws it with code `wait_timeout` when its overall timeout passes; `raw`
 * then holds the last `Message` it saw (or `undefined` if no poll succeeded).
 *
 * @example
 * catch (error) {
 *   if (error instanceof ConnectionError && error.code !== 'aborted') retryLater(body, key)
 * }
 */
export class ConnectionError extends KirimError {
  override name = 'ConnectionError'
  declare readonly code: ConnectionErrorCode
  declare readonly status: undefined

  constructor(
    message: string,
    details: {
      readonly code: ConnectionErrorCode
      readonly cause?: unknown
      readonly raw?: unknown
    },
  ) {
    super(message, { type: 'connection_error', ...details })
  }
}
