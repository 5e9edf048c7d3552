/**
 * The last line of defence for the API key: whatever leaves the proxy (an upstream body passed
 * on, an error handed to `onError`) is scrubbed of it, whatever put it there.
 */

/** What replaces the API key. */
export const REDACTED = '[redacted]'

/** `text` with every occurrence of `secret` replaced by `[redacted]`. */
export function redact(text: string, secret: string): string {
  return text.includes(secret) ? text.split(secret).join(REDACTED) : text
}

/**
 * An `Error` safe to hand to `onError`: a fresh copy with the name, message, stack and cause
 * (a few levels) of `error`, each with `secret` redacted. Other properties are dropped: an error
 * object may hold a request and its headers. A thrown non-Error becomes an `Error` describing it.
 */
export function redactError(error: unknown, secret: string, depth = 0): Error {
  if (!(error instanceof Error)) {
    let text: string
    try {
      text = typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error))
    } catch {
      text = String(error)
    }
    return new Error(redact(`Non-error thrown: ${text}`, secret))
  }
  const cause =
    error.cause === undefined || depth >= 3
      ? undefined
      : redactError(error.cause, secret, depth + 1)
  const copy = new Error(redact(error.message, secret), cause === undefined ? undefined : { cause })
  copy.name = error.name
  copy.stack = redact(error.stack ?? '', secret)
  return copy
}
