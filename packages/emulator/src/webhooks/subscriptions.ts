import type { ApiCall } from '../api/api-call.ts'
import { idempotent } from '../api/idempotent.ts'
import { ApiError, invalidField, missingField, notFound } from '../errors/api-error.ts'
import { readJsonBody } from '../http/read-json.ts'
import { type ApiResult, jsonResult } from '../http/result.ts'
import { newId } from '../ids/ulid.ts'
import {
  asObject,
  asString,
  item,
  onlyFields,
  optionalString,
  requiredArray,
} from '../validation/fields.ts'
import { FIELDS, LIMITS } from '../validation/limits.ts'
import { EVENT_TYPES, type EventType, type WebhookSubscription } from './subscription.ts'

const invalidUrl = (url: string) =>
  new ApiError({
    code: 'invalid_webhook_url',
    param: 'url',
    message: `url must be an absolute https URL (got "${url}").`,
  })

function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24))
  return `whsec_${btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')}`
}

/** `POST /v1/webhook_subscriptions { url (https), events, description? }`; the secret is shown once. */
export async function createSubscription(call: ApiCall): Promise<ApiResult> {
  const body = await readJsonBody(call.request)
  return idempotent(call, body, () => {
    const input = asObject(body.value, '')
    onlyFields(input, '', FIELDS.subscription)
    if (input.url === undefined) throw missingField('url')
    const url = asString(input.url, 'url', LIMITS.subscriptionUrl)
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      throw invalidUrl(url)
    }
    if (parsed.protocol !== 'https:') throw invalidUrl(url)
    const events = requiredArray(input, 'events', '', { min: 1, max: EVENT_TYPES.length })
    const chosen = new Set<EventType>()
    for (const [index, value] of events.entries()) {
      const path = item('events', index)
      const event = asString(value, path)
      if (!(EVENT_TYPES as readonly string[]).includes(event)) {
        throw invalidField(
          path,
          `${path} must be one of ${EVENT_TYPES.join(', ')} (got "${event}").`,
        )
      }
      chosen.add(event as EventType)
    }
    const description =
      optionalString(input, 'description', '', LIMITS.subscriptionDescription) ?? null
    const now = call.context.time.now()
    const subscription: WebhookSubscription = {
      id: newId('wbs', now),
      object: 'webhook_subscription',
      url,
      events: [...chosen],
      description,
      created_at: new Date(now).toISOString(),
    }
    const secret = newSecret()
    call.context.store.saveSubscription({
      organizationId: call.key!.organization.id,
      subscription,
      secret,
    })
    return jsonResult(
      201,
      { data: { ...subscription, initial_secret: secret }, request_id: call.requestId },
      call.requestId,
    )
  })
}

/** `GET /v1/webhook_subscriptions`: this organisation's subscriptions, without secrets. */
export async function listSubscriptions(call: ApiCall): Promise<ApiResult> {
  await call.context.sleeper.sleep(call.latencyMs)
  const data = call.context.store
    .listSubscriptions()
    .filter((record) => record.organizationId === call.key!.organization.id)
    .map((record) => record.subscription)
  return jsonResult(
    200,
    { data, has_more: false, next_cursor: null, request_id: call.requestId },
    call.requestId,
  )
}

/** `DELETE /v1/webhook_subscriptions/{id}`. */
export async function deleteSubscription(call: ApiCall, id: string): Promise<ApiResult> {
  await call.context.sleeper.sleep(call.latencyMs)
  const record = call.context.store.listSubscriptions().find((r) => r.subscription.id === id)
  if (record === undefined || record.organizationId !== call.key!.organization.id) {
    throw notFound(`No webhook subscription with id "${id}" exists in this organisation.`)
  }
  call.context.store.deleteSubscription(id)
  return jsonResult(
    200,
    { data: { id, object: 'webhook_subscription', deleted: true }, request_id: call.requestId },
    call.requestId,
  )
}
