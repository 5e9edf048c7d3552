import { type PacingPort, readPacing } from './pacing.ts'
import type { SendManyPort } from './port.ts'
import type { SendManyClock } from './types.ts'

/** What the pacer needs of the client. */
export type PacerPort = PacingPort & Pick<SendManyPort, 'abortable'>

/**
 * Lets a broadcast's attempts out no faster than Kirim's write bucket allows, so a steady
 * broadcast meets no 429: every attempt waits in `acquire`, and `settle` reads each answer's
 * `X-RateLimit-*` headers.
 *
 * The rule: spend what the bucket has left, then wait for `X-RateLimit-Reset` before spending
 * again. That is right whatever the bucket is: a fixed window (everything comes back at the
 * reset), a token bucket reporting when it is full (as the emulator does), or one reporting the
 * next token; and a steady broadcast keeps the full rate of the tier.
 *
 * What is left is counted conservatively, since answers to concurrent attempts can arrive out
 * of the order Kirim counted them in: the lowest `X-RateLimit-Remaining` since the last refill
 * (a lower count was counted later), less every attempt still in flight (each may yet take a
 * token). When that reaches 0 with attempts in flight, their answers are awaited first: the last
 * of them says exactly what is left. A 429 that still happens (another client sharing the
 * bucket) holds every attempt until its `Retry-After`, then lets one through to learn the count.
 */
export class RateLimitPacer {
  readonly #clock: SendManyClock
  readonly #port: PacerPort
  #inFlight = 0
  /** Writes left by the lowest count since the last refill; unknown (∞) at the start. */
  #left = Number.POSITIVE_INFINITY
  /** Whether `#left` is a guess (at the start, or after a refill): the next count replaces it. */
  #guess = true
  /** Local time of the next refill, and what `#left` is then. */
  #refillAt = Number.NEGATIVE_INFINITY
  #refillTo = Number.POSITIVE_INFINITY
  /** Bumped by every answer that changed the count: a refill slept for is stale once it moved. */
  #readings = 0
  /** Resolved at the next `settle`, for the attempts waiting on an answer. */
  #settled: { promise: Promise<void>; resolve: () => void } | undefined

  constructor(clock: SendManyClock, port: PacerPort) {
    this.#clock = clock
    this.#port = port
  }

  /**
   * Resolves once an attempt may go out, and counts it in flight (`settle` it when its answer
   * comes, or when none does). Rejects with the signal's reason when `signal` aborts first.
   */
  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted()
      if (this.#left - this.#inFlight > 0) {
        this.#inFlight++
        return
      }
      if (this.#inFlight > 0) {
        await this.#port.abortable(this.#nextSettle(), signal)
        continue
      }
      const readings = this.#readings
      const wait = this.#refillAt - this.#clock.now()
      if (wait > 0) await this.#clock.sleep(wait, signal)
      if (readings === this.#readings) {
        this.#left = this.#refillTo
        this.#guess = true
      }
    }
  }

  /**
   * An attempt ended: with its answer, or `undefined` when none came (network error, timeout),
   * in which case it may still have spent a write.
   */
  settle(response: Response | undefined): void {
    const reading = response && readPacing(this.#port, response, this.#clock.now())
    if (!response) this.#left--
    this.#release()
    if (reading?.refused) {
      this.#take(0, reading.until, 1)
    } else if (reading && (this.#guess || reading.remaining <= this.#left)) {
      // A full bucket holds at least the one write that was just answered.
      this.#take(reading.remaining, reading.refillAt, Math.max(1, reading.limit))
    }
  }

  /** An acquired attempt will not go out after all. */
  release(): void {
    this.#release()
  }

  #release(): void {
    this.#inFlight--
    const settled = this.#settled
    this.#settled = undefined
    settled?.resolve()
  }

  #take(left: number, refillAt: number, refillTo: number): void {
    this.#left = left
    this.#guess = false
    this.#refillAt = refillAt
    this.#refillTo = refillTo
    this.#readings++
  }

  #nextSettle(): Promise<void> {
    if (!this.#settled) {
      let resolve!: () => void
      const promise = new Promise<void>((done) => {
        resolve = done
      })
      this.#settled = { promise, resolve }
    }
    return this.#settled.promise
  }
}
