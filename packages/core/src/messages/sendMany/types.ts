import type { KirimError } from '../../errors/KirimError.ts'
import type { Message, SendMessageBody } from '../../schemas/index.ts'

/**
 * What `sendMany` sends: an array, any iterable (a generator) or an async iterable (a CSV
 * stream, a database cursor) of send bodies. Each is read only when the broadcast is ready for
 * it, so a long source is never held in memory at once.
 */
export type SendManyBodies = Iterable<SendMessageBody> | AsyncIterable<SendMessageBody>

/**
 * The time `sendMany` paces by. The default is the system's (`Date.now()` and timers); pass
 * another for simulations and tests, e.g. one driving the emulator's manual clock.
 *
 * @example
 * // The emulator (`timing: 'manual'`) moves only when told: waiting is advancing its clock.
 * const clock = {
 *   now: () => emulator.clock.now(),
 *   sleep: (ms: number) => emulator.clock.advance(ms),
 * }
 */
export interface SendManyClock {
  /**
   * The current time in milliseconds. Waits are measured from the `Date` header of Kirim's
   * answers, so only differences matter; an answer without `Date` is read as if this clock
   * were Kirim's (epoch milliseconds).
   */
  now(): number
  /** Resolves after `ms` milliseconds of this clock; rejects with `signal.reason` once `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

/** Where a broadcast stands: sent after each item settles, and in the result. */
export interface SendManyProgress {
  /** Items settled so far: `sent + replayed + failed`. */
  readonly done: number
  /** Items this run sent: Kirim stored them now. */
  readonly sent: number
  /** Items Kirim already held from an earlier run with the same `batch`: nothing was sent again. */
  readonly replayed: number
  /** Items that were not sent: invalid, refused, or failing after their retries. */
  readonly failed: number
  /** How many items there are, when `bodies` is an array. */
  readonly total?: number
}

/**
 * An item Kirim accepted. A failure Kirim knows at send time (24-hour window closed, recipient
 * blocked) is a `message` with `status: 'failed'` and `error`, as `send` returns it.
 */
export interface SendManySent {
  /** The item's position in `bodies`, from 0. */
  readonly index: number
  readonly message: Message
  /**
   * Whether Kirim answered with the message an earlier run stored under this item's key
   * (`Idempotent-Replayed: true`), so nothing was sent now. A replay of this run's own earlier
   * attempt (one whose answer was lost) counts as sent.
   */
  readonly replayed: boolean
  readonly error?: undefined
}

/** An item that was not sent. */
export interface SendManyFailed {
  /** The item's position in `bodies`, from 0. */
  readonly index: number
  /**
   * Why: a `ValidationError` when the body breaks a rule (its `issues` name each field and rule;
   * no request was made); an `InvalidRequestError` with code `idempotency_key_reuse` when an
   * earlier run with this `batch` sent a different body at this index; else the error `send`
   * would throw after its retries.
   */
  readonly error: KirimError
  readonly message?: undefined
  readonly replayed?: undefined
}

/** How one item ended: `{ index, message, replayed }` or `{ index, error }`. */
export type SendManyItemResult = SendManySent | SendManyFailed

/** The outcome of `sendMany`: the counts, and one result per item read. */
export interface SendManyResult extends SendManyProgress {
  /** One per item, in index order (`results[i].index === i`), up to `stoppedAt` when set. */
  readonly results: readonly SendManyItemResult[]
  /**
   * Set when the broadcast stopped before the end of `bodies`: `signal` fired, or Kirim refused
   * the credential (an `AuthenticationError`, which every later item would meet too). It is the
   * index of the first item not attempted; neither it nor any after it was sent. Run again with
   * the same `batch` to send exactly those: the items before it are replayed, not sent again.
   */
  readonly stoppedAt?: number
}

/** Options of `kirim.messages.sendMany`. Only `batch` is required. */
export interface SendManyOptions {
  /**
   * The name of this broadcast, the same on every run of it: 1–238 printable ASCII characters
   * without a space at either end. The `Idempotency-Key` of item `i` is `` `${batch}:${i}` ``
   * (`i` in decimal, from 0, in the order `bodies` yields them): this derivation is stable
   * across versions, so running the same script again with the same `batch` and the same bodies
   * replays what Kirim already accepted and sends only the rest. Kirim keeps keys for 24 hours.
   *
   * @example 'order-shipped-2026-05-04' // keys 'order-shipped-2026-05-04:0', ':1' …
   */
  readonly batch: string
  /**
   * How many items may be in flight at once: 1–64. Pacing by the rate limit decides the rate;
   * this only bounds the requests open at the same time.
   *
   * @default 4
   */
  readonly concurrency?: number | undefined
  /**
   * Stops the broadcast cleanly: no item starts after it fires; items already in flight settle
   * (an item waiting to retry for the rate limit ends with `ConnectionError` `aborted`), and the
   * result's `stoppedAt` says where a rerun picks up.
   */
  readonly signal?: AbortSignal | undefined
  /**
   * Called after each item settles, with the counts so far and that item's result. It must not
   * throw: an error it throws stops the broadcast (as `signal` does) and rejects `sendMany` with
   * that error once the items in flight settle.
   */
  readonly onProgress?: ((progress: SendManyProgress, item: SendManyItemResult) => void) | undefined
  /** Milliseconds each attempt may take; overrides the client's `timeout`. */
  readonly timeout?: number | undefined
  /**
   * Retries of each item (network errors, timeouts, 5xx, 409 in progress); overrides the
   * client's `maxRetries`. A 429 does not use one up: the broadcast waits as `Retry-After`
   * asks and goes on.
   */
  readonly maxRetries?: number | undefined
  /**
   * The clock the rate-limit waits use (`X-RateLimit-Reset`, a 429's `Retry-After`): for
   * simulations and tests, e.g. against the emulator's manual clock. The waits between retries
   * of a failed attempt stay on the client's own timers, as in `send`.
   *
   * @default the system clock: `Date.now()` and `setTimeout`
   */
  readonly clock?: SendManyClock | undefined
}
