import ky, { isTimeoutError } from 'ky'
import { ConnectionError } from '../errors/ConnectionError.ts'

/** What one attempt needs besides the request itself. */
export interface AttemptOptions {
  /** The caller's `fetch`, or `undefined` for the global one (looked up at call time). */
  readonly fetch: typeof fetch | undefined
  /** Milliseconds the attempt may take, response body included. */
  readonly timeout: number
  /** The caller's signal: aborts the attempt. */
  readonly signal: AbortSignal | undefined
  /** `POST https://…/v1/messages`: names the call in a `ConnectionError`. */
  readonly target: string
}

/** The `ConnectionError` of a call the caller's signal stopped. */
export const abortedError = (target: string, signal: AbortSignal): ConnectionError =>
  new ConnectionError(`${target} was aborted by the caller's signal.`, {
    code: 'aborted',
    cause: signal.reason,
  })

const timedOut = Symbol('timed out')

/**
 * One attempt: the request through ky (no retries, no hooks, error statuses returned as
 * responses) and its body as text, within `timeout`. The caller runs the retry loop, so ky never
 * clones the request.
 *
 * ky's own `timeout` covers the wait for the headers and the caller's signal is handed to ky only
 * when there is one: a signal of ours would make ky combine it with its own
 * (`AbortSignal.any`), which costs more CPU than the rest of the SDK's work on a send. The body
 * gets what is left of `timeout`.
 *
 * Rejects with a `ConnectionError` when no response came (`aborted`, `timeout`,
 * `network_error`), and with anything else (a bug, a `Request` that cannot be built) unchanged.
 */
export const attempt = async (
  url: string,
  init: RequestInit,
  { fetch, timeout, signal, target }: AttemptOptions,
): Promise<{ response: Response; text: string }> => {
  const started = performance.now()
  // Set once the request reached `fetch`: from then on a rejection is the network's doing.
  let failed: { cause: unknown } | undefined
  let response: Response | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  try {
    signal?.throwIfAborted()
    response = await ky(url, {
      ...init,
      ...(signal && { signal }),
      retry: 0,
      timeout,
      throwHttpErrors: false,
      fetch: async (input, options) => {
        try {
          return await (fetch ?? globalThis.fetch)(input, options)
        } catch (cause) {
          failed = { cause }
          throw cause
        }
      },
    })
    const reading = response.text()
    const text = await Promise.race([
      reading,
      new Promise<typeof timedOut>((resolve) => {
        timer = setTimeout(resolve, timeout - (performance.now() - started), timedOut)
      }),
    ])
    if (text === timedOut) {
      // The body stalled: abandon it (its stream is locked by the read, so it cannot be
      // cancelled; the server's socket timeout ends it).
      reading.catch(() => {})
      throw new DOMException('body timed out', 'TimeoutError')
    }
    return { response, text }
  } catch (error) {
    if (signal?.aborted) throw abortedError(target, signal)
    if (isTimeoutError(error) || (error instanceof DOMException && error.name === 'TimeoutError')) {
      const message = `${target} got no response within ${timeout} ms.`
      throw new ConnectionError(message, {
        code: 'timeout',
        cause: new DOMException(message, 'TimeoutError'),
      })
    }
    if (!failed && !response) throw error
    const cause = failed ? failed.cause : error
    const reason = cause instanceof Error ? `: ${cause.message}` : ''
    throw new ConnectionError(`${target} failed on the network${reason}.`, {
      code: 'network_error',
      cause,
    })
  } finally {
    clearTimeout(timer)
  }
}
