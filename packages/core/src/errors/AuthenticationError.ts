import { KirimError } from './KirimError.ts'

/**
 * Thrown on HTTP 401: the API key or token is missing, wrong (`invalid_api_key`) or expired
 * (`expired_api_key`).
 *
 * With `token` as a function or `tokenUrl`, the client first fetches a fresh token and repeats
 * the call once; this error means the fresh token was refused too. With `apiKey` or a fixed
 * `token` string nothing can be refreshed, so the first 401 is thrown.
 *
 * The message never contains the key or token.
 */
export class AuthenticationError extends KirimError {
  override name = 'AuthenticationError'
  declare readonly status: number
}
