/**
 * What `authorize` grants the caller of `POST <basePath>/token`: a subject and a scope, checked
 * before any token carries them.
 */
import { readScope, type Scope } from './scope.ts'

/**
 * Who the caller of `POST <basePath>/token` is, and what their token may do; `null` refuses
 * (401 `not_authorized`).
 */
export type AuthorizeResult = {
  /**
   * A stable id of the caller (a user id, a session id): the token's `sub`. Messages sent with
   * the token belong to it: only tokens with the same subject can read them or see their events.
   * 1–256 characters.
   */
  readonly subject: string
  /** The limits of the token. Omitted: any type, recipient and template, no send quota. */
  readonly scope?: Scope | undefined
} | null

/** The app's decision on a request for a token (`ProxyOptions.authorize`). */
export type Authorize = (request: Request) => AuthorizeResult | Promise<AuthorizeResult>

/** A checked grant: what the token will carry. */
export interface Grant {
  readonly subject: string
  readonly scope: Scope | undefined
}

/** The longest subject accepted from `authorize`, in characters. */
export const MAX_SUBJECT_LENGTH = 256

/** Thrown (and reported) when `authorize` returns something that is not a grant. */
export class AuthorizeResultError extends TypeError {
  override name = 'AuthorizeResultError'
}

/** The grant in what `authorize` returned (not `null`); throws {@link AuthorizeResultError}. */
export function grantOf(result: unknown): Grant {
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
  const read = readScope(scope)
  if ('problem' in read) throw new AuthorizeResultError(`authorize returned a ${read.problem}`)
  return { subject, scope: read.scope }
}
