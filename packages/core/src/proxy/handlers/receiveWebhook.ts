/**
 * `POST <basePath>/webhooks`: Kirim's deliveries, verified with `verifyWebhook`, deduplicated on
 * the event id, and turned into status events for the subject that sent each message.
 */
import { laterStatus, MESSAGE_STATUSES, type MessageStatus } from '../../schemas/index.ts'
import {
  type StatusUpdate,
  statusUpdates,
  verifyWebhook,
  type WebhookEvent,
  WebhookVerificationError,
} from '../../webhooks/index.ts'
import type { ProxyContext } from '../context.ts'
import { refuse } from '../errors.ts'
import { advance, type StatusChange } from '../ownership.ts'
import { readBody } from '../requestBody.ts'
import { jsonResponse } from '../response.ts'
import type { MessageRecord } from '../stores.ts'
import { askUpstream, messageIn } from '../upstream.ts'

/** The longest wait for the failed message's error, in ms: Kirim gives a delivery 10 s. */
const FAILURE_LOOKUP_TIMEOUT = 5000

const isMessageStatus = (status: string): status is MessageStatus =>
  (MESSAGE_STATUSES as readonly string[]).includes(status)

/**
 * Meta's status webhooks carry Meta's error codes; the Message carries Kirim's
 * (`recipient_not_on_whatsapp` …), which the browser expects. Ask upstream for it, and fall
 * back to Meta's words when upstream cannot say.
 */
async function failureOf(
  context: ProxyContext,
  record: MessageRecord,
  update: StatusUpdate,
  signal: AbortSignal,
): Promise<StatusChange['error']> {
  const outcome = await askUpstream(context, {
    method: 'GET',
    path: `/v1/messages/${record.id}`,
    signal,
    timeout: FAILURE_LOOKUP_TIMEOUT,
  })
  const message =
    outcome.ok && outcome.answer.status === 200 ? messageIn(outcome.answer) : undefined
  if (message?.status === 'failed' && message.error != null) {
    return {
      code: message.error.code,
      message: message.error.message,
      provider_code: message.error.provider_code ?? null,
    }
  }
  const meta = update.errors[0]
  return {
    code: 'delivery_failed',
    message: meta?.message ?? 'The message could not be delivered.',
    provider_code: meta?.code ?? null,
  }
}

async function applyStatuses(
  context: ProxyContext,
  event: WebhookEvent,
  signal: AbortSignal,
): Promise<void> {
  for (const update of statusUpdates(event)) {
    if (!isMessageStatus(update.status)) continue
    const record = await context.messages.findByProviderId(update.wamid)
    // Not sent through this proxy (or forgotten): nobody here to tell.
    if (record === undefined) continue
    if (laterStatus(record.status, update.status) === record.status) continue
    const error =
      update.status === 'failed' ? await failureOf(context, record, update, signal) : null
    await advance(context, record.id, {
      status: update.status,
      updatedAt: update.timestamp.toISOString(),
      error,
    })
  }
}

/** Verifies, dedupes and applies one delivery; 2xx as soon as it is handled. */
export async function receiveWebhook(context: ProxyContext, request: Request): Promise<Response> {
  const secret = context.options.webhookSecrets
  if (secret === undefined) {
    return refuse('route_not_found', {
      message: 'Webhooks are not enabled on this proxy (no webhookSecret).',
    })
  }
  const body = await readBody(request)
  if (body instanceof Response) return body
  let event: WebhookEvent
  try {
    event = await verifyWebhook({ body, headers: request.headers, secret })
  } catch (error) {
    // `missing_secret` cannot happen with a checked `webhookSecret`: the dispatcher's 500.
    if (!(error instanceof WebhookVerificationError) || error.reason === 'missing_secret') {
      throw error
    }
    return refuse(error.reason)
  }
  if (await context.deduper.seen(event.id)) {
    return jsonResponse(200, { received: true, duplicate: true })
  }
  try {
    await applyStatuses(context, event, request.signal)
  } catch (error) {
    // Forgotten, so that Kirim's retry (after the dispatcher's 500) is handled rather than skipped.
    await context.deduper.forget(event.id)
    throw error
  }
  return jsonResponse(200, { received: true })
}
