import type { Organization } from '../auth/organization.ts'
import type { EmulatorContext } from '../context.ts'
import { ApiError, invalidField } from '../errors/api-error.ts'
import { phoneNumber } from '../validation/fields.ts'

/**
 * The business number a control call names at `param` and the organisation that owns it; absent,
 * the default organisation's first number.
 */
export function businessNumber(
  context: EmulatorContext,
  value: unknown,
  param: string,
): { readonly organization: Organization; readonly number: string } {
  const organization =
    value === undefined
      ? context.directory.defaultOrganization
      : context.directory.ownerOf(phoneNumber(value, param))
  if (organization === undefined) {
    throw invalidField(
      param,
      `${String(value)} is not a connected number of any organisation in this emulator.`,
    )
  }
  const number = value === undefined ? organization.numbers[0] : (value as string)
  if (number === undefined) {
    throw new ApiError({
      status: 422,
      type: 'invalid_request_error',
      code: 'whatsapp_number_not_verified',
      message: `The default organisation has no connected number; pass \`${param}\`.`,
    })
  }
  return { organization, number }
}
