import { KirimError } from './KirimError.ts'

/** One broken rule in a value the SDK was asked to send. */
export interface ValidationIssue {
  /** Where the problem is, as a property path: `interactive.action.sections[0].rows[3].title`. Empty for the root. */
  readonly path: string
  /** What rule was broken, in words: `must be at most 24 characters (got 25)`. */
  readonly message: string
}

/** One line per issue, `  path: message`, for an error message. */
export const listIssues = (issues: readonly ValidationIssue[]): string =>
  issues.map((issue) => `  ${issue.path || '(root)'}: ${issue.message}`).join('\n')

/** The issues on one line, `path message; path message`, for a short message. */
export const inlineIssues = (issues: readonly ValidationIssue[]): string =>
  issues.map((issue) => `${issue.path || '(root)'} ${issue.message}`).join('; ')

/**
 * Thrown before anything is sent, when a message (or another input) breaks a documented rule.
 * No request was made: fix the input and call again.
 *
 * `issues` lists every broken rule, not only the first; `param` is the path of the first.
 *
 * @example
 * try {
 *   await kirim.messages.send({ to: '0811', type: 'text', text: { body: '' } })
 * } catch (error) {
 *   if (error instanceof ValidationError) {
 *     for (const issue of error.issues) console.log(issue.path, issue.message)
 *     // to        must be an E.164 phone number with a leading + (got "0811")
 *     // text.body must be at least 1 character (got 0)
 *   }
 * }
 */
export class ValidationError extends KirimError {
  override name = 'ValidationError'
  declare readonly issues: readonly ValidationIssue[]

  constructor(issues: readonly ValidationIssue[], what = 'input') {
    super(`Invalid ${what}; nothing was sent:\n${listIssues(issues)}`, {
      type: 'validation_error',
      code: 'invalid_input',
      param: issues[0]?.path || undefined,
      raw: issues,
    })
    this.issues = issues
  }
}
