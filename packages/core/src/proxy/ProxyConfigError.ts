import { KirimError } from '../errors/KirimError.ts'

/**
 * Thrown by `createProxy` when an option breaks a rule: at construction, before any request is
 * served, so a misconfigured proxy never starts. `param` names the option; the message says the
 * rule and never repeats a secret's value.
 *
 * @example
 * createProxy({ apiKey, tokenSecret: 'short', authorize })
 * // ProxyConfigError: createProxy: tokenSecret must be at least 32 bytes (got 5) …
 */
export class ProxyConfigError extends KirimError {
  override name = 'ProxyConfigError'

  constructor(param: string, rule: string) {
    super(`createProxy: ${param} ${rule}`, {
      type: 'configuration_error',
      code: 'invalid_option',
      param,
    })
  }
}
