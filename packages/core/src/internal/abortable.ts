/**
 * Waits for `promise` while letting this caller give up when its own signal fires: the promise
 * rejects with the signal's reason, and `stop` cancels the work if nobody else shares it. A token
 * fetch other callers wait for goes on without `stop`.
 */
export const abortable = <T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
  stop?: () => void,
): Promise<T> =>
  signal === undefined
    ? promise
    : new Promise<T>((resolve, reject) => {
        const onAbort = () => {
          stop?.()
          reject(signal.reason)
        }
        if (signal.aborted) onAbort()
        else signal.addEventListener('abort', onAbort, { once: true })
        promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
      })
