import type { Organization } from '../auth/organization.ts'
import type { TimingProfile } from '../clock/timing-profile.ts'
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

/**
 * A message still moving: one per accepted message, with one task waiting for its next step
 * (not one per step). Manual timing keeps every one of them until the clock moves, so it
 * holds only references: the steps are shared by every message with the same plan.
 */
interface Progress {
  readonly context: EmulatorContext
  readonly organization: Organization
  readonly messageId: string
  readonly steps: readonly Step[]
  readonly category: PricingCategory
  readonly acceptedAt: number
  next: number
}

const stepsByProfile = new WeakMap<TimingProfile, Map<string, readonly Step[]>>()

/** The status steps of a plan, built once per timing profile and plan. */
function stepsOf(profile: TimingProfile, plan: Exclude<DeliveryPlan, { kind: 'failed_at_once' }>) {
  const key = plan.kind === 'fails_later' ? plan.failure : plan.reads ? 'reads' : 'never_reads'
  let known = stepsByProfile.get(profile)
  if (known === undefined) {
    known = new Map()
    stepsByProfile.set(profile, known)
  }
  let steps = known.get(key)
  if (steps === undefined) {
    steps =
      plan.kind === 'fails_later'
        ? [{ after: profile.sentAfter, status: 'failed', failure: plan.failure }]
        : [
            { after: profile.sentAfter, status: 'sent' },
            { after: profile.deliveredAfter, status: 'delivered' },
            ...(plan.reads ? [{ after: profile.readAfter, status: 'read' } as const] : []),
          ]
    known.set(key, steps)
  }
  return steps
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * Meta's pricing conversation id of a message: 32 hex characters, the low 128 bits of the
 * message id's ULID. Derived rather than stored, and the same on every webhook of the message.
 */
export function conversationIdOf(messageId: string): string {
  let bits = 0n
  for (const char of messageId.slice(messageId.indexOf('_') + 1))
    bits = (bits << 5n) | BigInt(CROCKFORD.indexOf(char))
  return (bits & ((1n << 128n) - 1n)).toString(16).padStart(32, '0')
}

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
  const category: PricingCategory =
    plan.template === undefined
      ? 'service'
      : (plan.template.category.toLowerCase() as PricingCategory)
  const progress: Progress = {
    context,
    organization,
    messageId,
    steps: stepsOf(context.profile, plan),
    category,
    acceptedAt,
    next: 0,
  }
  context.scheduler.schedule(acceptedAt + progress.steps[0]!.after, runStep, progress)
}

function runStep(progress: Progress): Promise<void> | undefined {
  const step = progress.steps[progress.next++]!
  const following = progress.steps[progress.next]
  if (following !== undefined) {
    progress.context.scheduler.schedule(progress.acceptedAt + following.after, runStep, progress)
  }
  return applyStep(progress, step)
}

function applyStep(progress: Progress, step: Step): Promise<void> | undefined {
  const { context, organization, messageId } = progress
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
      category: progress.category,
      conversationId: conversationIdOf(messageId),
      ...(step.failure === undefined ? {} : { failure: step.failure }),
    }),
  )
}
