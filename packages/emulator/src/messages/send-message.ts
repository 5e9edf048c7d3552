import type { ApiCall } from '../api/api-call.ts'
import { idempotent } from '../api/idempotent.ts'
import type { Organization } from '../auth/organization.ts'
import type { EmulatorContext } from '../context.ts'
import { readJsonBody } from '../http/read-json.ts'
import type { ApiResult } from '../http/result.ts'
import { newId } from '../ids/ulid.ts'
import { wamid } from '../ids/wamid.ts'
import { validateSendBody } from '../validation/send-body.ts'
import { acceptedAnswer } from './accepted.ts'
import { messageError } from './failures.ts'
import type { Message } from './message.ts'
import { planDelivery } from './plan-delivery.ts'
import { scheduleProgress } from './progress.ts'
import { resolveSender } from './resolve-sender.ts'

/** Validates, stores and schedules one send; the answer is 202 with the Message. */
function accept(
  context: EmulatorContext,
  organization: Organization,
  body: unknown,
  idempotencyKey: string | null,
  requestId: string,
): ApiResult {
  const request = validateSendBody(body)
  const from = resolveSender(organization, request.from)
  const now = context.time.now()
  const plan = planDelivery(request, {
    store: context.store,
    templates: context.templates,
    organizationId: organization.id,
    from,
    now,
  })
  const failed = plan.kind === 'failed_at_once'
  const at = new Date(now).toISOString()
  const message: Message = {
    id: newId('msg', now),
    object: 'message',
    from,
    to: request.to,
    type: request.type,
    status: failed ? 'failed' : 'pending',
    created_at: at,
    updated_at: at,
    // A failure known at send time never reached Meta, so there is no wamid.
    provider_message_id: failed ? null : wamid(request.to),
    ...(failed ? { error: messageError(plan.failure) } : {}),
  }
  context.store.saveMessage({
    organizationId: organization.id,
    message,
    payload: request.payload,
    idempotencyKey,
  })
  if (!failed) scheduleProgress(context, organization, message.id, plan, now)
  return acceptedAnswer(message, requestId)
}

/** `POST /v1/messages`, idempotent when an `Idempotency-Key` header is sent. */
export async function sendMessage(call: ApiCall): Promise<ApiResult> {
  const body = await readJsonBody(call.request)
  return idempotent(call, body, (key) =>
    accept(call.context, call.key!.organization, body.value, key, call.requestId),
  )
}
