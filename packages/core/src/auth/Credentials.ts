/** Where the bearer credential of each request comes from. */
export interface Credentials {
  /** Whether a 401 is worth one more try with a fresh credential. */
  readonly refreshable: boolean
  /** The credential for the next request; may fetch (or refresh) a token first. */
  bearer(signal?: AbortSignal): Promise<string>
  /** The API refused `credential` (401): forget it, so the next `bearer()` gets a fresh one. */
  reject(credential: string): void
}
