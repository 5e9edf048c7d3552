import { KirimError } from './KirimError.ts'
import { listIssues, type ValidationIssue } from './ValidationError.ts'

/**
 * Thrown when a successful (2xx) response breaks the API contract: its body is not JSON, or it
 * does not have the shape the endpoint promises (`issues` names each path that broke, such as
 * `data.status`). `code` is `invalid_response`.
 *
 * It usually means `baseUrl` points at something that is not the Kirim API (a login page, a
 * proxy that rewrites bodies), or that the API changed in a way this SDK version does not know.
 * It is never retried: for a send, the message may well have been accepted, so look it up or
 * call `send` again with the same `idempotencyKey` rather than a new one.
 *
 * Error responses (4xx, 5xx) whose body is not the error envelope do not throw this: they still
 * map to their class by status, with `code` `http_<status>`.
 */
export class InvalidResponseError extends KirimError {
  override name = 'InvalidResponseError'
  declare readonly status: number
  /** Every place the body broke the contract, with the rule it broke. */
  declare readonly issues: readonly ValidationIssue[]

  constructor(
    issues: readonly ValidationIssue[],
    details: {
      readonly status: number
      readonly what: string
      readonly requestId?: string | undefined
      readonly raw?: unknown
    },
  ) {
    super(
      `Kirim answered ${details.status} with a ${details.what} that breaks the contract:\n${listIssues(issues)}`,
      {
        status: details.status,
        type: 'invalid_response_error',
        code: 'invalid_response',
        param: issues[0]?.path || undefined,
        requestId: details.requestId,
        raw: details.raw,
      },
    )
    this.issues = issues
  }
}
