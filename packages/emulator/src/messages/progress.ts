import type { Organization } from '../auth/organization.ts'
import type { EmulatorContext } from '../context.ts'
import { type PricingCategory, statusPayload } from '../webhooks/meta-payloads.ts'
import { type FailureCode, messageError } from './failures.ts'
import { movesForward } from './message.ts'
import type { DeliveryPlan } from './plan-delivery.ts'

type Step = {
  readonly after: number
  readonly status: 'sent' | 'delivered' | 'read' | 'failed'
  readonly failure?: FailureCode
}

const randomHex = (bytes: number): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('')

/**
 * Schedules an accepted message's status steps on the emulator clock. Each step updates
 * the stored message (never backwards) and emits a signed `message.status` webhook.
 */
export function scheduleProgress(
  context: EmulatorContext,
  organization: Organization,
  messageId: string,
  plan: Exclude<DeliveryPlan, { kind: 'failed_at_once' }>,
  acceptedAt: number,
): void {
  const { profile } = context
  const steps: Step[] =
    plan.kind === 'fails_later'
      ? [{ after: profile.sentAfter, status: 'failed', failure: plan.failure }]
      : [
          { after: profile.sentAfter, status: 'sent' },
          { after: profile.deliveredAfter, status: 'delivered' },
          ...(plan.reads ? [{ after: profile.readAfter, status: 'read' } as const] : []),
        ]
  const category: PricingCategory =
    plan.template === undefined
      ? 'service'
      : (plan.template.category.toLowerCase() as PricingCategory)
  const conversationId = randomHex(16)
  for (const step of steps) {
    context.scheduler.schedule(acceptedAt + step.after, () =>
      applyStep(context, organization, messageId, step, { category, conversationId }),
    )
  }
}

function applyStep(
  context: EmulatorContext,
  organization: Organization,
  messageId: string,
  step: Step,
  details: { readonly category: PricingCategory; readonly conversationId: string },
): Promise<void> | undefined {
  const record = context.store.getMessage(messageId)
  if (record === undefined || record.message.provider_message_id === null) return undefined
  if (!movesForward(record.message.status, step.status)) return undefined
  const now = context.time.now()
  const message = {
    ...record.message,
    status: step.status,
    updated_at: new Date(now).toISOString(),
    provider_message_id: record.message.provider_message_id,
    ...(step.failure === undefined ? {} : { error: messageError(step.failure) }),
  }
  context.store.saveMessage({ ...record, message })
  return context.webhooks.emit(
    organization.id,
    'message.status',
    statusPayload(organization, message, step.status, now, {
      ...details,
      ...(step.failure === undefined ? {} : { failure: step.failure }),
    }),
  )
}
