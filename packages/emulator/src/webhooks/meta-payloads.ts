import type { Organization } from '../auth/organization.ts'
import { FAILURES, type FailureCode } from '../messages/failures.ts'
import type { Message } from '../messages/message.ts'

const digits = (number: string): string => number.replace(/^\+/, '')
const seconds = (time: number): string => String(Math.floor(time / 1000))

function envelope(organization: Organization, business: string, value: Record<string, unknown>) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: organization.wabaId,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: digits(business),
                phone_number_id: organization.phoneNumberIds.get(business) ?? '',
              },
              ...value,
            },
          },
        ],
      },
    ],
  }
}

/** Meta's pricing category of a send. */
export type PricingCategory = 'marketing' | 'utility' | 'authentication' | 'service'

/** A `message.status` webhook body, in Meta's shape. */
export function statusPayload(
  organization: Organization,
  message: Message & { readonly provider_message_id: string },
  status: 'sent' | 'delivered' | 'read' | 'failed',
  time: number,
  details: {
    readonly failure?: FailureCode
    readonly conversationId: string
    readonly category: PricingCategory
  },
) {
  const failure = details.failure === undefined ? undefined : FAILURES[details.failure]
  const billable = status === 'sent' || status === 'delivered'
  return envelope(organization, message.from, {
    statuses: [
      {
        id: message.provider_message_id,
        status,
        timestamp: seconds(time),
        recipient_id: digits(message.to),
        ...(billable
          ? {
              conversation: { id: details.conversationId, origin: { type: details.category } },
              pricing: { billable: true, pricing_model: 'PMP', category: details.category },
            }
          : {}),
        ...(failure === undefined
          ? {}
          : {
              errors: [
                {
                  code: failure.providerCode,
                  title: failure.title,
                  message: failure.title,
                  error_data: { details: failure.details },
                },
              ],
            }),
      },
    ],
  })
}

/** What a customer wrote (the `messages[]` item without envelope fields). */
export type InboundContent =
  | { readonly type: 'text'; readonly text: { readonly body: string } }
  | {
      readonly type: 'interactive'
      readonly interactive:
        | {
            readonly type: 'list_reply'
            readonly list_reply: {
              readonly id: string
              readonly title: string
              readonly description?: string
            }
          }
        | {
            readonly type: 'button_reply'
            readonly button_reply: { readonly id: string; readonly title: string }
          }
    }

/** A `message.received` webhook body, in Meta's shape (with `contacts` and `messages`). */
export function receivedPayload(
  organization: Organization,
  business: string,
  inbound: {
    readonly from: string
    readonly id: string
    readonly name: string
    readonly time: number
  },
  content: InboundContent,
) {
  return envelope(organization, business, {
    contacts: [{ profile: { name: inbound.name }, wa_id: digits(inbound.from) }],
    messages: [
      { from: digits(inbound.from), id: inbound.id, timestamp: seconds(inbound.time), ...content },
    ],
  })
}
