import type { RateLimits } from '../options.ts'
import { type BucketState, TokenBucket } from './token-bucket.ts'

/** Writes are POST/PUT/PATCH/DELETE; everything else is a read. */
export const bucketKind = (method: string): 'write' | 'read' =>
  ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method) ? 'write' : 'read'

/** Separate write and read buckets per organisation. */
export class RateLimiter {
  readonly #buckets = new Map<string, TokenBucket>()

  /**
   * Takes a token from the organisation's bucket of that kind. With limits off the
   * bucket never empties: the headers still report the nominal Pro numbers.
   */
  take(
    organizationId: string,
    kind: 'write' | 'read',
    limits: RateLimits | false,
    now: number,
    take = true,
  ): BucketState {
    const limit =
      limits === false
        ? kind === 'write'
          ? 600
          : 6000
        : kind === 'write'
          ? limits.writesPerMinute
          : limits.readsPerMinute
    const id = `${organizationId}:${kind}:${limit}`
    let bucket = this.#buckets.get(id)
    if (bucket === undefined) {
      bucket = new TokenBucket(limit, now)
      this.#buckets.set(id, bucket)
    }
    return bucket.take(now, take && limits !== false)
  }

  clear(): void {
    this.#buckets.clear()
  }
}

/** The `X-RateLimit-*` headers of a bucket state. */
export const rateLimitHeaders = (state: BucketState): Record<string, string> => ({
  'X-RateLimit-Limit': String(state.limit),
  'X-RateLimit-Remaining': String(state.remaining),
  'X-RateLimit-Reset': String(state.reset),
})
