import type { EmulatorContext } from '../context.ts'
import { windowState } from '../conversations/window.ts'
import { missingField } from '../errors/api-error.ts'
import { singleParam } from '../http/query-param.ts'
import { phoneNumber } from '../validation/fields.ts'
import { businessNumber } from './business-number.ts'

const iso = (ms: number | undefined): string | null =>
  ms === undefined ? null : new Date(ms).toISOString()

/**
 * `GET /_emulator/window?customer=…&business=…`: the 24 h customer-service window between a
 * customer and a business number (default: the default organisation's first), as sends see it.
 * Read-only.
 */
export function readWindow(context: EmulatorContext, params: URLSearchParams) {
  const customerParam = singleParam(params, 'customer')
  if (customerParam === undefined) throw missingField('customer')
  const customer = phoneNumber(customerParam, 'customer')
  const { organization, number } = businessNumber(
    context,
    singleParam(params, 'business'),
    'business',
  )
  const state = windowState(context.store, organization.id, number, customer, context.time.now())
  return {
    object: 'conversation_window',
    customer,
    business: number,
    open: state.open,
    always_open: state.alwaysOpen,
    last_inbound_at: iso(state.lastInbound),
    expires_at: iso(state.expiresAt),
  }
}
