/**
 * The summary above the form when a send was refused: what happened, the error code, and each
 * field issue as a link that focuses its input.
 */
import type { ValidationIssue } from '@kirim/core'
import type { SendProblem } from './sendProblem.ts'

export interface ProblemSummaryProps {
  readonly problem: SendProblem
  /** The issues still standing (re-checked as the user edits). */
  readonly issues: readonly ValidationIssue[]
  readonly onFocusIssue: (path: string) => void
}

export function ProblemSummary({ problem, issues, onFocusIssue }: ProblemSummaryProps) {
  return (
    <div className="alert alert--error" role="alert">
      <p className="alert__title">
        {problem.sent
          ? problem.title
          : issues.length === 1
            ? 'Fix this field first'
            : `Fix these ${issues.length} fields first`}
        {problem.code === undefined ? null : <code className="code-pill">{problem.code}</code>}
      </p>
      <p className="alert__body">{problem.message}</p>
      {issues.length > 0 ? (
        <ul className="alert__issues">
          {issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              <button type="button" className="issue-link" onClick={() => onFocusIssue(issue.path)}>
                <code className="issue-link__path">{issue.path || '(message)'}</code>
                <span className="issue-link__message">{issue.message}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {problem.requestId === undefined ? null : (
        <p className="alert__meta">Request {problem.requestId}</p>
      )}
    </div>
  )
}
