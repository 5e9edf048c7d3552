/** Where the bearer credential of each request comes from. */
export interface Credentials {
  /** Whether a 401 is worth one more try with a fresh credential. */
  readonly refreshable: boolean
  /**
   * The credential for the next request: at once when one is at hand, else a promise of the one
   * being fetched (or refreshed).
   */
  bearer(signal?: AbortSignal): string | Promise<string>
  /** The API refused `credential` (401): forget it, so the next `bearer()` gets a fresh one. */
  reject(credential: string): void
}
