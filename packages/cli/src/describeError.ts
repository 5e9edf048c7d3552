import { KirimError, ValidationError } from '@kirim/core'

/** An error on one line: each broken rule of a `ValidationError`, else its code and message. */
export const describeError = (error: unknown): string => {
  if (error instanceof ValidationError) {
    return error.issues.map((issue) => `${issue.path || '(body)'} ${issue.message}`).join('; ')
  }
  if (error instanceof KirimError) return `${error.code}: ${error.message.replaceAll('\n', ' ')}`
  return error instanceof Error ? error.message : String(error)
}
