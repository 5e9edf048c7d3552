import type { Sleeper } from '../clock/sleeper.ts'
import type { TimeSource } from '../clock/time-source.ts'
import { ApiError, invalidField } from '../errors/api-error.ts'
import type { ApiResult } from '../http/result.ts'
import type { EmulatorStore, IdempotencyRecord } from '../store/store.ts'
import { PATTERNS } from '../validation/limits.ts'

/** Keys are kept this long on the emulator clock. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000

/** 1–255 printable ASCII characters, or 400 naming the header. */
export function checkIdempotencyKey(key: string): string {
  if (!PATTERNS.idempotencyKey.test(key)) {
    throw invalidField(
      'Idempotency-Key',
      `The Idempotency-Key header must be 1–255 printable ASCII characters (got ${key.length} characters).`,
    )
  }
  return key
}

/**
 * Only accepted requests are kept (as Stripe does): a 4xx refused the request before anything
 * was done, so a corrected retry under the same key (often derived from an order id) is
 * processed rather than answered 422; 5xx, 429 and dropped-before answers are retried anew.
 */
const isStored = (status: number): boolean => status >= 200 && status < 300

/** Renders a send's 202 body again from the message it created (undefined if it is gone). */
export type RenderAccepted = (messageId: string, requestId: string) => string | undefined

interface InFlight {
  readonly fingerprint: string
  readonly done: Promise<void>
}

const reuse = () =>
  new ApiError({
    code: 'idempotency_key_reuse',
    param: 'Idempotency-Key',
    message:
      'This Idempotency-Key was already used with a different request (method, path or body). Use a new key for a new request.',
  })

/**
 * Runs an idempotent write once per (organisation, key): replays the stored answer
 * verbatim, refuses a changed body (422), and makes a concurrent same-key request wait
 * for the first (409 after `waitMs`).
 */
export class IdempotencyGate {
  readonly #store: EmulatorStore
  readonly #time: TimeSource
  readonly #sleeper: Sleeper
  readonly #waitMs: number
  readonly #render: RenderAccepted
  readonly #inFlight = new Map<string, InFlight>()

  constructor(
    store: EmulatorStore,
    time: TimeSource,
    sleeper: Sleeper,
    waitMs: number,
    render: RenderAccepted = () => undefined,
  ) {
    this.#store = store
    this.#time = time
    this.#sleeper = sleeper
    this.#waitMs = waitMs
    this.#render = render
  }

  /** The stored answer's body: kept verbatim, or rendered again from the message it names. */
  #bodyOf(record: IdempotencyRecord): string | undefined {
    if (record.messageId === undefined) return record.body
    return this.#render(record.messageId, record.requestId)
  }

  async run(
    organizationId: string,
    key: string,
    fingerprint: string,
    process: () => Promise<ApiResult>,
  ): Promise<{ readonly result: ApiResult; readonly replayed: boolean }> {
    const slot = `${organizationId}\n${key}`
    const deadline = Date.now() + this.#waitMs
    for (;;) {
      const stored = this.#store.getIdempotency(organizationId, key)
      const body = stored === undefined ? undefined : this.#bodyOf(stored)
      if (
        stored !== undefined &&
        (body === undefined || this.#time.now() >= stored.createdAt + IDEMPOTENCY_TTL_MS)
      ) {
        this.#store.deleteIdempotency(organizationId, key)
      } else if (stored !== undefined && body !== undefined) {
        if (stored.fingerprint !== fingerprint) throw reuse()
        return {
          replayed: true,
          result: {
            status: stored.status,
            body,
            headers: { 'Content-Type': 'application/json; charset=utf-8' },
            requestId: stored.requestId,
          },
        }
      }

      const running = this.#inFlight.get(slot)
      if (running !== undefined) {
        if (running.fingerprint !== fingerprint) throw reuse()
        const finished = await this.#sleeper
          .within(running.done, deadline - Date.now())
          .catch(() => false)
        if (!finished) {
          throw new ApiError({
            code: 'idempotency_in_progress',
            message: 'A request with this Idempotency-Key is still being processed. Retry later.',
            headers: { 'Retry-After': '1' },
          })
        }
        continue
      }

      let release = () => {}
      const done = new Promise<void>((resolve) => {
        release = resolve
      })
      this.#inFlight.set(slot, { fingerprint, done })
      try {
        const result = await process()
        if (isStored(result.status)) {
          this.#store.saveIdempotency({
            organizationId,
            key,
            fingerprint,
            status: result.status,
            ...(result.messageId === undefined
              ? { body: result.body }
              : { messageId: result.messageId }),
            requestId: result.requestId,
            createdAt: this.#time.now(),
          })
        }
        return { result, replayed: false }
      } finally {
        this.#inFlight.delete(slot)
        release()
      }
    }
  }
}
