import { isNetworkError, isTimeoutError } from 'ky'
import { ConnectionError } from '../errors/ConnectionError.ts'

/**
 * A rejection of the underlying `fetch` that was not an abort: the connection failed. `fetch`
 * rejects with a `TypeError` whose message differs in every runtime (and a custom `fetch`, such
 * as an in-process emulator, may reject with a subclass), so rather than guessing from the
 * message, everything the transport itself rejects with is marked here and retried.
 */
export class FetchFailure extends Error {
  override name = 'FetchFailure'
}

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>

/** The caller's `fetch` (or the global one, looked up at call time) with its failures marked. */
export const markedFetch =
  (custom: Fetch | undefined): Fetch =>
  async (input, init) => {
    try {
      return await (custom ?? globalThis.fetch)(input, init)
    } catch (error) {
      const signal = input instanceof Request ? input.signal : init?.signal
      if (signal?.aborted) throw error
      throw new FetchFailure('fetch failed', { cause: error })
    }
  }

/**
 * Turns what ky rejected with into a `ConnectionError` when no response was usable; anything else
 * (a `KirimError` from fetching a token, a bug) passes through unchanged. The caller's signal is
 * checked first: once it fired, whatever the transport reports is a consequence of the abort.
 */
export const toConnectionError = (
  error: unknown,
  context: {
    readonly signal: AbortSignal | undefined
    readonly timeout: number
    readonly target: string
  },
): unknown => {
  if (context.signal?.aborted) {
    return new ConnectionError(`${context.target} was aborted by the caller's signal.`, {
      code: 'aborted',
      cause: context.signal.reason,
    })
  }
  if (isTimeoutError(error)) {
    const message = `${context.target} got no response within ${context.timeout} ms.`
    return new ConnectionError(message, {
      code: 'timeout',
      cause: new DOMException(message, 'TimeoutError'),
    })
  }
  if (error instanceof FetchFailure || isNetworkError(error)) {
    const cause = error.cause
    const reason = cause instanceof Error ? `: ${cause.message}` : ''
    return new ConnectionError(`${context.target} failed on the network${reason}.`, {
      code: 'network_error',
      cause,
    })
  }
  return error
}
