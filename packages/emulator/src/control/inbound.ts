import type { EmulatorContext } from '../context.ts'
import { WINDOW_MS } from '../conversations/window.ts'
import { invalidField, missingField } from '../errors/api-error.ts'
import { wamid } from '../ids/wamid.ts'
import {
  asObject,
  asString,
  optionalString,
  phoneNumber,
  requiredEnum,
  requiredString,
} from '../validation/fields.ts'
import { type InboundContent, receivedPayload } from '../webhooks/meta-payloads.ts'
import { businessNumber } from './business-number.ts'

function content(body: Record<string, unknown>): InboundContent {
  if (body.text !== undefined && body.interactive !== undefined) {
    throw invalidField('interactive', 'Send either text or interactive, not both.')
  }
  if (body.text !== undefined) {
    return { type: 'text', text: { body: asString(body.text, 'text', { min: 1, max: 4096 }) } }
  }
  if (body.interactive === undefined) throw missingField('text')
  const interactive = asObject(body.interactive, 'interactive')
  const type = requiredEnum(interactive, 'type', 'interactive', ['list_reply', 'button_reply'])
  if (type === 'button_reply') {
    return {
      type: 'interactive',
      interactive: {
        type,
        button_reply: {
          id: requiredString(interactive, 'id', 'interactive', { min: 1, max: 256 }),
          title: requiredString(interactive, 'title', 'interactive', { min: 1, max: 20 }),
        },
      },
    }
  }
  const id = requiredString(interactive, 'id', 'interactive', { min: 1, max: 200 })
  const title = requiredString(interactive, 'title', 'interactive', { min: 1, max: 24 })
  const description = optionalString(interactive, 'description', 'interactive', { max: 72 })
  return {
    type: 'interactive',
    interactive: {
      type,
      list_reply: description === undefined ? { id, title } : { id, title, description },
    },
  }
}

/**
 * `POST /_emulator/inbound`: a customer writes to a business number. Opens the 24 h
 * window for `from` and emits a signed `message.received` webhook.
 */
export function receiveInbound(context: EmulatorContext, input: unknown) {
  const body = asObject(input, '')
  if (body.from === undefined) throw missingField('from')
  const from = phoneNumber(body.from, 'from')
  const { organization, number: to } = businessNumber(context, body.to, 'to')
  const name = optionalString(body, 'name', '', { min: 1, max: 256 }) ?? 'Customer'
  const message = content(body)
  const now = context.time.now()
  const id = wamid(from)
  context.store.saveInbound(organization.id, to, from, now)
  context.scheduler.track(
    context.webhooks.emit(
      organization.id,
      'message.received',
      receivedPayload(organization, to, { from, id, name, time: now }, message),
    ),
  )
  return {
    id,
    object: 'inbound_message',
    from,
    to,
    ...message,
    created_at: new Date(now).toISOString(),
    window_expires_at: new Date(now + WINDOW_MS).toISOString(),
  }
}
