/**
 * Real-time waits (injected latency, idempotency waits) that `close()` can cut short, so
 * closing never leaves a timer behind.
 */
export class Sleeper {
  readonly #waits = new Map<ReturnType<typeof setTimeout>, () => void>()

  /** Resolves `true` after `ms`, or `false` if cancelled first. */
  sleep(ms: number): Promise<boolean> {
    // Every request sleeps its injected latency, usually 0: a timer would cost each one ≥ 1 ms.
    if (!(ms > 0)) return Promise.resolve(true)
    return this.within(new Promise<never>(() => {}), ms).then(
      () => true,
      () => false,
    )
  }

  /**
   * Resolves `true` once `promise` settles within `ms`, `false` on timeout; rejects when
   * cancelled. The timer is cleared either way.
   */
  within(promise: Promise<unknown>, ms: number): Promise<boolean> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => finish(() => resolve(false)), Math.max(0, ms))
      const finish = (settle: () => void) => {
        if (!this.#waits.delete(timer)) return
        clearTimeout(timer)
        settle()
      }
      this.#waits.set(timer, () => finish(() => reject(new Error('cancelled'))))
      promise.then(
        () => finish(() => resolve(true)),
        () => finish(() => resolve(true)),
      )
    })
  }

  /** Ends every wait now. */
  cancelAll(): void {
    for (const cancel of [...this.#waits.values()]) cancel()
  }
}
