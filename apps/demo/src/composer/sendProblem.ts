/**
 * What to tell the user when a send is refused: client-side validation (nothing was sent), the
 * proxy or Kirim refusing it, or the network. Issues with a path go onto their fields.
 */
import {
  AuthenticationError,
  ConnectionError,
  InvalidRequestError,
  KirimError,
  PermissionError,
  RateLimitError,
  ValidationError,
  type ValidationIssue,
} from '@kirim/core'

export interface SendProblem {
  readonly title: string
  readonly message: string
  /** The stable error code, for the docs and for `switch`. */
  readonly code: string | undefined
  readonly requestId: string | undefined
  /** Issues to show on the fields they concern. */
  readonly issues: readonly ValidationIssue[]
  /** Whether the request reached the network (false for client-side validation). */
  readonly sent: boolean
}

export function describeSendProblem(error: unknown): SendProblem {
  if (error instanceof ValidationError) {
    const count = error.issues.length
    return {
      title: `Fix ${count === 1 ? 'this field' : `these ${count} fields`} first`,
      message: 'Checked in the browser by @kirim/core: nothing was sent.',
      code: error.code,
      requestId: undefined,
      issues: error.issues,
      sent: false,
    }
  }
  if (!(error instanceof KirimError)) {
    return {
      title: 'Something went wrong',
      message: error instanceof Error ? error.message : String(error),
      code: undefined,
      requestId: undefined,
      issues: [],
      sent: true,
    }
  }
  const base = { code: error.code, requestId: error.requestId, message: error.message, sent: true }
  if (error instanceof InvalidRequestError) {
    return {
      ...base,
      title: 'Kirim refused the message',
      issues: error.param === undefined ? [] : [{ path: error.param, message: error.message }],
    }
  }
  if (error instanceof AuthenticationError) {
    return {
      ...base,
      title: 'Your demo session is missing',
      message: `${error.message} Reload the page to start a new session.`,
      issues: [],
    }
  }
  if (error instanceof PermissionError) {
    return { ...base, title: 'The proxy refused this send', issues: [] }
  }
  if (error instanceof RateLimitError) {
    return {
      ...base,
      title: 'Too many messages at once',
      message:
        error.retryAfter === undefined
          ? error.message
          : `${error.message} Try again in ${error.retryAfter} s.`,
      issues: [],
    }
  }
  if (error instanceof ConnectionError) {
    return { ...base, title: 'Could not reach the proxy', issues: [] }
  }
  return { ...base, title: 'Kirim could not take the message', issues: [] }
}
