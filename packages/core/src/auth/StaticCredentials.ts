import type { Credentials } from './Credentials.ts'

/** An API key or a fixed token string: used as is, nothing to refresh. */
export class StaticCredentials implements Credentials {
  readonly refreshable = false
  readonly #secret: string

  constructor(secret: string) {
    this.#secret = secret
  }

  async bearer(): Promise<string> {
    return this.#secret
  }

  reject(): void {}
}
