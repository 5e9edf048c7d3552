/**
 * The checks of secrets (an API key, a token, signing secrets), whose issues say the rule and
 * never quote the value: it would end up in logs.
 */
import { describeValue } from '../schemas/describe.ts'
import { HEADER_SAFE, isHeaderSafe } from '../schemas/rules.ts'
import { type Check, issue } from './checkOptions.ts'

const encoder = new TextEncoder()

/** A credential sent in a header (`Authorization: Bearer …`): visible ASCII, no spaces. */
export const checkSecret = (path: string, value: unknown): Check =>
  (typeof value === 'string' && isHeaderSafe(value)) || issue(path, `must be ${HEADER_SAFE}`)

/**
 * One signing secret or several (during a rotation): a string, or a non-empty array of strings,
 * each of at least `minBytes` UTF-8 bytes. An array's issues name the entry (`secret[1]`).
 */
export const checkSecrets = (path: string, value: unknown, minBytes = 1): Check[] => {
  if (typeof value !== 'string' && (!Array.isArray(value) || value.length === 0)) {
    const got = Array.isArray(value) ? 'an empty array' : describeValue(value)
    return [issue(path, `must be a string or a non-empty array of strings (got ${got})`)]
  }
  const list: unknown[] = typeof value === 'string' ? [value] : value
  return list.map((secret, index) => {
    const where = typeof value === 'string' ? path : `${path}[${index}]`
    if (typeof secret !== 'string')
      return issue(where, `must be a string (got ${describeValue(secret)})`)
    const bytes = encoder.encode(secret).length
    if (bytes >= minBytes) return true
    return issue(
      where,
      minBytes === 1
        ? 'must not be empty'
        : `must be at least ${minBytes} bytes (got ${bytes}); generate one with \`openssl rand -base64 32\``,
    )
  })
}
