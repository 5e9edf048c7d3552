/**
 * `POST <basePath>/token`: asks the app's `authorize` who is calling, and mints their token.
 */
import type { ProxyContext } from '../context.ts'
import { errorResponse, internalError, jsonResponse } from '../envelope.ts'
import { parseScope, type Scope, ScopeError } from '../scope.ts'
import { MAX_TOKEN_LENGTH, mintToken } from '../token.ts'

/** The longest subject accepted from `authorize`, in characters. */
export const MAX_SUBJECT_LENGTH = 256

/** Thrown (and reported) when `authorize` returns something that is not a grant. */
export class AuthorizeResultError extends TypeError {
  override name = 'AuthorizeResultError'
}

function grantOf(result: unknown): { subject: string; scope: Scope | undefined } {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) {
    throw new AuthorizeResultError(
      `authorize must return { subject, scope? } or null (got ${result === undefined ? 'undefined' : Array.isArray(result) ? 'an array' : typeof result})`,
    )
  }
  const { subject, scope } = result as { subject?: unknown; scope?: unknown }
  if (typeof subject !== 'string' || subject.length === 0 || subject.length > MAX_SUBJECT_LENGTH) {
    throw new AuthorizeResultError(
      `authorize must return a subject of 1–${MAX_SUBJECT_LENGTH} characters (got ${typeof subject === 'string' ? `${subject.length} characters` : typeof subject})`,
    )
  }
  try {
    return { subject, scope: scope === undefined ? undefined : parseScope(scope) }
  } catch (error) {
    if (error instanceof ScopeError)
      throw new AuthorizeResultError(`authorize returned a ${error.message}`)
    throw error
  }
}

/** Answers `{ token, expiresIn }`, 401 `not_authorized` when `authorize` refuses. */
export async function issueToken(context: ProxyContext, request: Request): Promise<Response> {
  let grant: { subject: string; scope: Scope | undefined }
  try {
    const result = await context.options.authorize(request)
    if (result === null) {
      return errorResponse({
        status: 401,
        type: 'authentication_error',
        code: 'not_authorized',
        message: 'This request may not obtain a token.',
      })
    }
    grant = grantOf(result)
  } catch (error) {
    context.report(error, { route: 'token' })
    return internalError()
  }
  const ttl = context.options.tokenTtl
  const token = await mintToken(await context.keyring(), { ...grant, ttl })
  if (token.length > MAX_TOKEN_LENGTH) {
    context.report(
      new AuthorizeResultError(
        `authorize returned a scope too large for a token (${token.length} > ${MAX_TOKEN_LENGTH} characters): use recipient prefixes or fewer templates`,
      ),
      { route: 'token' },
    )
    return internalError()
  }
  return jsonResponse(200, { token, expiresIn: ttl })
}
