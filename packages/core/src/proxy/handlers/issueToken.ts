/**
 * `POST <basePath>/token`: asks the app's `authorize` who is calling, and mints their token.
 */
import type { ProxyContext } from '../context.ts'
import { refuse } from '../errors.ts'
import { AuthorizeResultError, grantOf } from '../grant.ts'
import { jsonResponse } from '../response.ts'
import { MAX_TOKEN_LENGTH, mintToken } from '../token.ts'

/**
 * Answers `{ token, expiresIn }`, 401 `not_authorized` when `authorize` refuses. An `authorize`
 * that throws or grants something invalid is the dispatcher's 500, reported.
 */
export async function issueToken(context: ProxyContext, request: Request): Promise<Response> {
  const result = await context.options.authorize(request)
  if (result === null) return refuse('not_authorized')
  const grant = grantOf(result)
  const ttl = context.options.tokenTtl
  const token = await mintToken(await context.keyring(), { ...grant, ttl })
  if (token.length > MAX_TOKEN_LENGTH) {
    throw new AuthorizeResultError(
      `authorize returned a scope too large for a token (${token.length} > ${MAX_TOKEN_LENGTH} characters): use recipient prefixes or fewer templates`,
    )
  }
  return jsonResponse(200, { token, expiresIn: ttl })
}
