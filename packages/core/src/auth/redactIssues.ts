import type { ValidationIssue } from '../errors/ValidationError.ts'

/**
 * `issues` without the strings they quote (`must be an object (got "eyJ…")` → `must be an
 * object`): about a token response, any quoted string may be the token itself. Numbers stay
 * (`must be a positive number of seconds (got -1)`).
 */
export const redactIssues = (issues: readonly ValidationIssue[]): ValidationIssue[] =>
  issues.map(({ path, message }) => ({ path, message: message.replace(/ \(got ".*\)$/s, '') }))
