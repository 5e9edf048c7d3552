import type { MessageError } from './message.ts'

/** A delivery failure: Kirim's code and message, and Meta's code and title. */
export interface FailureSpec {
  readonly providerCode: number
  readonly message: string
  /** Meta's `errors[].title` in the `message.status` webhook. */
  readonly title: string
  /** Meta's `errors[].error_data.details`. */
  readonly details: string
}

/** The delivery-failure catalogue of kirim-api.md, with Meta's codes and titles. */
export const FAILURES = {
  outside_24h_window: {
    providerCode: 131047,
    message:
      'Message failed to send because more than 24 hours have passed since the customer last replied to this number. Send a template instead.',
    title: 'Re-engagement message',
    details:
      'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
  },
  template_paused: {
    providerCode: 132015,
    message:
      'The template is paused because of low quality; it cannot be sent until it is unpaused.',
    title: 'Template is Paused',
    details: 'Template is paused due to low quality so it cannot be sent in a template message.',
  },
  template_disabled: {
    providerCode: 132016,
    message: 'The template has been disabled and can no longer be sent.',
    title: 'Template is Disabled',
    details:
      'Template has been paused too many times due to low quality and is now permanently disabled.',
  },
  template_param_count_mismatch: {
    providerCode: 132000,
    message: 'The number of parameters does not match the number the template expects.',
    title: 'Number of parameters does not match the expected number of params',
    details: 'body: number of localizable_params does not match the expected number of params',
  },
  template_param_format_mismatch: {
    providerCode: 132012,
    message: 'A parameter does not match the format of the template example.',
    title: 'Parameter format does not match format in the created template',
    details: 'Parameter format does not match format in the created template.',
  },
  template_not_found: {
    providerCode: 132001,
    message: 'No approved template of that name and language exists.',
    title: 'Template name does not exist in the translation',
    details: 'template name does not exist in the translation',
  },
  recipient_not_on_whatsapp: {
    providerCode: 131026,
    message: 'The message could not be delivered: the recipient is not on WhatsApp.',
    title: 'Message undeliverable',
    details:
      'Unable to deliver message. The recipient phone number is not a WhatsApp phone number.',
  },
  recipient_blocked: {
    providerCode: 1013,
    message: 'The recipient has blocked this business.',
    title: 'User is not valid',
    details: 'The recipient has blocked messages from this business phone number.',
  },
  media_download_failed: {
    providerCode: 131053,
    message: 'WhatsApp could not download the media from the URL given.',
    title: 'Media upload error',
    details: 'Downloading media from the URL failed: the host could not be reached.',
  },
  pair_rate_limited: {
    providerCode: 131056,
    message: 'Too many messages were sent to this recipient from this number in a short time.',
    title: '(Business Account, Consumer Account) pair rate limit hit',
    details:
      'Too many messages sent from the sender phone number to the same recipient phone number in a short period of time.',
  },
} as const satisfies Record<string, FailureSpec>

export type FailureCode = keyof typeof FAILURES

/** The `error` block of a failed Message. */
export const messageError = (code: FailureCode): MessageError => ({
  code,
  message: FAILURES[code].message,
  provider_code: FAILURES[code].providerCode,
})
