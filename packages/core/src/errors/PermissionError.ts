import { KirimError } from './KirimError.ts'

/**
 * Thrown on HTTP 403: the credentials are valid but not allowed to do this, for example a
 * `from` number your organisation does not own (`phone_number_forbidden`), or a call outside
 * the scope of a token minted by the proxy.
 */
export class PermissionError extends KirimError {
  override name = 'PermissionError'
  declare readonly status: number
}
