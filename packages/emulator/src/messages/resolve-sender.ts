import type { Organization } from '../auth/organization.ts'
import { ApiError } from '../errors/api-error.ts'

/**
 * The number a send goes out from: the one given (if the organisation owns it), or the
 * only connected number. Zero numbers → 422 `whatsapp_number_not_verified`; several and no
 * `from` → 422 `from_required`; a number the org does not own → 403.
 */
export function resolveSender(organization: Organization, from: string | undefined): string {
  if (organization.numbers.length === 0) {
    throw new ApiError({
      code: 'whatsapp_number_not_verified',
      message: 'This organisation has no connected, verified WhatsApp number to send from.',
    })
  }
  if (from === undefined) {
    if (organization.numbers.length > 1) {
      throw new ApiError({
        code: 'from_required',
        param: 'from',
        message: `This organisation has ${organization.numbers.length} connected numbers; say which one to send from in \`from\`.`,
      })
    }
    return organization.numbers[0]!
  }
  if (!organization.numbers.includes(from)) {
    throw new ApiError({
      code: 'phone_number_forbidden',
      param: 'from',
      message: `${from} is not a WhatsApp number connected to this organisation.`,
    })
  }
  return from
}
