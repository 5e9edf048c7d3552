/** Whether a number is one `@kirim/core` takes as a recipient, by core's own rule. */
import { parseSendMessage, ValidationError } from '@kirim/core'

// The smallest body that is valid apart from `to`: only an issue at `to` can come back.
const probe = (to: string) => ({
  to,
  type: 'template',
  template: { name: 'probe', language: 'en_US' },
})

export function isPhoneNumber(number: string): boolean {
  try {
    parseSendMessage(probe(number))
    return true
  } catch (error) {
    if (error instanceof ValidationError) return !error.issues.some((issue) => issue.path === 'to')
    throw error
  }
}
