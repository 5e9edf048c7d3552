import * as v from 'valibot'
import {
  type KirimEventType,
  kirimEventSchemas,
  metaWebhookPayloadSchema,
  type WebhookEvent,
} from './events.ts'
import { readHeader, type WebhookHeaders } from './readHeader.ts'
import { WebhookVerificationError } from './WebhookVerificationError.ts'

const decoder = new TextDecoder('utf-8', { fatal: true })
const MAX_LISTED_ISSUES = 5

function invalid(message: string, cause?: unknown): WebhookVerificationError {
  return new WebhookVerificationError('invalid_payload', message, { cause })
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isKirimEventType(type: string): type is KirimEventType {
  return Object.hasOwn(kirimEventSchemas, type)
}

function describeIssues(type: string, issues: [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]]) {
  const listed = issues
    .slice(0, MAX_LISTED_ISSUES)
    .map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`)
  const more =
    issues.length > MAX_LISTED_ISSUES ? ` (and ${issues.length - MAX_LISTED_ISSUES} more)` : ''
  return invalid(
    `The body is not a valid ${type} event: ${listed.join('; ')}${more}.`,
    new v.ValiError(issues),
  )
}

function readAttempt(headers: WebhookHeaders): number | undefined {
  const attempt = readHeader(headers, 'x-kirim-attempt')?.trim()
  if (attempt === undefined || attempt === '') return undefined
  const value = Number(attempt)
  if (!/^[0-9]+$/.test(attempt) || !Number.isSafeInteger(value) || value < 1) {
    throw invalid(`X-Kirim-Attempt must be a positive integer (got ${JSON.stringify(attempt)}).`)
  }
  return value
}

function optionalHeader(headers: WebhookHeaders, name: string): string | undefined {
  const value = readHeader(headers, name)?.trim()
  return value === '' ? undefined : value
}

/**
 * The typed event of a delivery whose signature has already been verified: `body` is the
 * verified bytes, `signedAt` the verified `t` in seconds.
 *
 * Only the body is signed, not the other headers, so where the body says something itself it
 * wins: for Kirim's own events the type and id come from the body, and a header that disagrees
 * is refused rather than believed.
 */
export function parseWebhookEvent(
  body: Uint8Array,
  headers: WebhookHeaders,
  signedAt: number,
): WebhookEvent {
  let text: string
  try {
    text = decoder.decode(body)
  } catch (error) {
    throw invalid('The body is not valid UTF-8.', error)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw invalid('The body is not JSON.', error)
  }

  const headerType = optionalHeader(headers, 'x-kirim-event')
  const bodyType = isRecord(json) && typeof json.type === 'string' ? json.type : undefined
  if (headerType !== undefined && bodyType !== undefined && headerType !== bodyType) {
    throw invalid(
      `X-Kirim-Event says ${JSON.stringify(headerType)} but the signed body's type is ${JSON.stringify(bodyType)}.`,
    )
  }
  const type = headerType ?? bodyType
  if (type === undefined) {
    throw invalid('Cannot tell the event type: no X-Kirim-Event header and no "type" in the body.')
  }

  const headerId = optionalHeader(headers, 'x-kirim-event-id')
  const delivery = {
    deliveryId: optionalHeader(headers, 'x-kirim-delivery-id'),
    attempt: readAttempt(headers),
    source: optionalHeader(headers, 'x-kirim-source'),
    timestamp: new Date(signedAt * 1000),
  }

  if (type === 'message.status' || type === 'message.received') {
    const result = v.safeParse(metaWebhookPayloadSchema, json)
    if (!result.success) throw describeIssues(type, result.issues)
    if (headerId === undefined)
      throw invalid(`No event id: the ${type} delivery has no X-Kirim-Event-Id header.`)
    return { type, id: headerId, ...delivery, data: result.output }
  }

  if (isKirimEventType(type)) {
    const result = v.safeParse(kirimEventSchemas[type], json)
    if (!result.success) throw describeIssues(type, result.issues)
    const { id, created_at, data } = result.output
    if (headerId !== undefined && headerId !== id) {
      throw invalid(
        `X-Kirim-Event-Id is ${JSON.stringify(headerId)} but the signed body's id is ${JSON.stringify(id)}.`,
      )
    }
    return { type, id, ...delivery, createdAt: new Date(created_at), data } as WebhookEvent
  }

  const id = headerId ?? (isRecord(json) && typeof json.id === 'string' ? json.id : undefined)
  if (id === undefined) {
    throw invalid(
      `No event id: the ${type} delivery has no X-Kirim-Event-Id header and no "id" in the body.`,
    )
  }
  return { type: 'unknown', eventType: type, id, ...delivery, data: json }
}
