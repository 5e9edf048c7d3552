import type { ValidationIssue } from '../errors/ValidationError.ts'
import { issuesOf } from '../internal/checkOptions.ts'
import { checkSecrets } from '../internal/checkSecrets.ts'

/** One webhook signing secret, or several during a rotation (any of them may match). */
export type WebhookSecret = string | readonly string[]

/**
 * What is wrong with `secret`: none for a non-empty string or a non-empty array of non-empty
 * strings. The issues never quote the secret.
 */
export const secretIssues = (secret: unknown): ValidationIssue[] =>
  issuesOf(...checkSecrets('secret', secret))

/** The secrets of a checked `secret`, as a list. */
export const secretsOf = (secret: WebhookSecret): readonly string[] =>
  typeof secret === 'string' ? [secret] : secret
