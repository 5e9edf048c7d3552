import { ApiError } from '../errors/api-error.ts'
import type { ApiKey, Directory } from './organization.ts'

/** The outcome of reading `Authorization`: a key, or the 401 to answer. */
export type Authentication =
  | { readonly ok: true; readonly key: ApiKey }
  | { readonly ok: false; readonly error: ApiError }

const invalid = (message: string): Authentication => ({
  ok: false,
  error: new ApiError({
    code: 'invalid_api_key',
    message,
  }),
})

/** Bearer keys only: no query-string, cookie or basic-auth keys (kirim-api.md). */
export function authenticate(directory: Directory, headers: Headers): Authentication {
  const header = headers.get('authorization')
  if (header === null || header.trim() === '') {
    return invalid('No API key provided. Send it as `Authorization: Bearer <key>`.')
  }
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header.trim())
  if (match === null) {
    return invalid(
      'The Authorization header must be `Bearer <key>`; other schemes are not accepted.',
    )
  }
  const key = directory.keys.get(match[1] ?? '')
  if (key === undefined) return invalid('The API key provided is not valid.')
  if (key.expired) {
    return {
      ok: false,
      error: new ApiError({
        code: 'expired_api_key',
        message: 'The API key provided has expired. Create a new key in the dashboard.',
      }),
    }
  }
  return { ok: true, key }
}
