import type { Credentials } from '../http/Credentials.ts'
import { abortable } from '../internal/abortable.ts'
import type { IssuedToken } from '../types/options.ts'

// Refresh a fifth of the lifetime early (at most 30 s), so a token never expires in flight.
const refreshMargin = (lifetimeMs: number): number => Math.min(30_000, lifetimeMs / 5)

/**
 * Fetches a token on first use, keeps it, and fetches the next one shortly before it expires. A
 * fixed credential (an API key, a token string) is a token that never expires and is never
 * refreshed.
 *
 * Expiry is measured with `performance.now()` from the moment the fetch started, using the
 * relative `expiresIn`: a device whose wall clock is hours off still refreshes on time. Callers
 * that need a token while a fetch is running all wait for that one fetch.
 */
export class TokenCache implements Credentials {
  readonly refreshable: boolean
  readonly #issue: () => Promise<IssuedToken>
  #current: { readonly token: string; readonly refreshAt: number } | undefined
  #pending: Promise<string> | undefined

  /** `refreshable: false` for a credential that cannot change (an API key, a token string). */
  constructor(issue: () => Promise<IssuedToken>, refreshable = true) {
    this.#issue = issue
    this.refreshable = refreshable
  }

  bearer(signal?: AbortSignal): string | Promise<string> {
    const current = this.#current
    if (current !== undefined && performance.now() < current.refreshAt) return current.token
    this.#pending ??= this.#fetch()
    return abortable(this.#pending, signal)
  }

  reject(credential: string): void {
    if (this.#current?.token === credential) this.#current = undefined
  }

  async #fetch(): Promise<string> {
    try {
      const startedAt = performance.now()
      const { token, expiresIn } = await this.#issue()
      const lifetime = expiresIn * 1000
      this.#current = { token, refreshAt: startedAt + lifetime - refreshMargin(lifetime) }
      return token
    } finally {
      this.#pending = undefined
    }
  }
}
