import { isWindowOpen } from '../conversations/window.ts'
import type { EmulatorStore } from '../store/store.ts'
import { bodyParameterCount, type Template } from '../templates/template.ts'
import type { SendRequest } from '../validation/send-body.ts'
import type { FailureCode } from './failures.ts'
import { TEST_RECIPIENTS, UNREACHABLE_MEDIA_HOST } from './test-recipients.ts'

/** What will happen to an accepted send. */
export type DeliveryPlan =
  /** Known at send time: the 202 answer itself says `failed`. */
  | { readonly kind: 'failed_at_once'; readonly failure: FailureCode }
  /** Accepted, then failed at the first status step. */
  | {
      readonly kind: 'fails_later'
      readonly failure: FailureCode
      readonly template: Template | undefined
    }
  /** Accepted; moves through sent → delivered (→ read unless `reads` is false). */
  | { readonly kind: 'delivers'; readonly reads: boolean; readonly template: Template | undefined }

const hostOf = (url: string): string => {
  try {
    return new URL(url).hostname
  } catch {
    return ''
  }
}

/**
 * Decides a send's fate from the test recipients, the 24 h window and the templates
 * (emulator.md). Failures known at send time come first, blocked recipients first of all.
 */
export function planDelivery(
  request: SendRequest,
  context: {
    readonly store: EmulatorStore
    readonly templates: readonly Template[]
    readonly organizationId: string
    readonly from: string
    readonly now: number
  },
): DeliveryPlan {
  if (request.to === TEST_RECIPIENTS.blocked)
    return { kind: 'failed_at_once', failure: 'recipient_blocked' }

  let template: Template | undefined
  if (request.template === undefined) {
    if (!isWindowOpen(context.store, context.organizationId, context.from, request.to, context.now))
      return { kind: 'failed_at_once', failure: 'outside_24h_window' }
  } else {
    const { name, language } = request.template
    template = context.templates.find((t) => t.name === name && t.language === language)
    if (template === undefined || template.status === 'pending' || template.status === 'rejected') {
      return { kind: 'failed_at_once', failure: 'template_not_found' }
    }
    if (template.status === 'paused') return { kind: 'failed_at_once', failure: 'template_paused' }
    if (template.status === 'disabled')
      return { kind: 'failed_at_once', failure: 'template_disabled' }
  }

  if (request.to === TEST_RECIPIENTS.notOnWhatsApp) {
    return { kind: 'fails_later', failure: 'recipient_not_on_whatsapp', template }
  }
  if (template !== undefined && request.template !== undefined) {
    if (request.template.bodyParameters !== bodyParameterCount(template)) {
      return { kind: 'fails_later', failure: 'template_param_count_mismatch', template }
    }
  }
  if (request.mediaUrls.some((url) => hostOf(url) === UNREACHABLE_MEDIA_HOST)) {
    return { kind: 'fails_later', failure: 'media_download_failed', template }
  }
  return { kind: 'delivers', reads: request.to !== TEST_RECIPIENTS.neverReads, template }
}
