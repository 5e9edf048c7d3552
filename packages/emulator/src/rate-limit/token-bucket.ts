/** What a bucket answers: the headers' numbers, and whether the request may go on. */
export interface BucketState {
  readonly allowed: boolean
  readonly limit: number
  readonly remaining: number
  /** Epoch seconds at which the bucket is full again. */
  readonly reset: number
  /** Seconds until one token is back (only meaningful when not allowed). */
  readonly retryAfter: number
}

/**
 * A token bucket holding `limit` tokens, refilled continuously at `limit` per minute on
 * the emulator clock.
 */
export class TokenBucket {
  readonly limit: number
  #tokens: number
  #updatedAt: number

  constructor(limit: number, now: number) {
    this.limit = limit
    this.#tokens = limit
    this.#updatedAt = now
  }

  #refill(now: number): void {
    const elapsed = Math.max(0, now - this.#updatedAt)
    this.#tokens = Math.min(this.limit, this.#tokens + (elapsed * this.limit) / 60_000)
    this.#updatedAt = now
  }

  /** Takes a token if there is one (`take: false` only looks). */
  take(now: number, take = true): BucketState {
    this.#refill(now)
    const allowed = this.#tokens >= 1
    if (allowed && take) this.#tokens -= 1
    const msPerToken = 60_000 / this.limit
    const missing = this.limit - this.#tokens
    return {
      allowed,
      limit: this.limit,
      remaining: Math.floor(this.#tokens),
      reset: Math.ceil((now + missing * msPerToken) / 1000),
      retryAfter: allowed ? 0 : Math.max(1, Math.ceil(((1 - this.#tokens) * msPerToken) / 1000)),
    }
  }
}
