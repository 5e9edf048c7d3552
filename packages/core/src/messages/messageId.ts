import type { ValidationIssue } from '../errors/ValidationError.ts'

/** Issues with a message id: a non-empty string. Ids are opaque, so nothing more is checked. */
export const messageIdIssues = (id: unknown): ValidationIssue[] =>
  typeof id === 'string' && id.length > 0
    ? []
    : [
        {
          path: 'id',
          message: `must be a non-empty message id (got ${JSON.stringify(id) ?? String(id)})`,
        },
      ]
