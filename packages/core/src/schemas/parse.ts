import { type GenericSchema, type InferOutput, safeParse } from 'valibot'
import { ValidationError, type ValidationIssue } from '../errors/ValidationError.ts'
import { toValidationIssues } from './issues.ts'
import { type SendMessageBody, SendMessageSchema } from './messages/send.ts'

// Every issue, not the first: one failed call lists everything to fix.
const ALL_ISSUES = { abortEarly: false, abortPipeEarly: false } as const

/**
 * Checks `input` with `schema` without throwing: the parsed output, or every issue worded as a
 * `ValidationIssue` (and no output).
 *
 * @example
 * const { output, issues } = validate(TemplateListParamsSchema, { limit: 0 })
 * // issues: [{ path: 'limit', message: 'must be an integer from 1 to 100 (got 0)' }]
 */
export function validate<const TSchema extends GenericSchema>(
  schema: TSchema,
  input: unknown,
):
  | { readonly output: InferOutput<TSchema>; readonly issues: readonly [] }
  | { readonly output: undefined; readonly issues: readonly ValidationIssue[] } {
  const result = safeParse(schema, input, ALL_ISSUES)
  return result.success
    ? { output: result.output, issues: [] }
    : { output: undefined, issues: toValidationIssues(result.issues) }
}

/**
 * Parses `input` with `schema`, or throws a `ValidationError` listing every issue
 * (`what` names the input in the error message: `Invalid ${what}; nothing was sent`).
 *
 * @example
 * const params = parseOrThrow(TemplateListParamsSchema, input, 'template list parameters')
 */
export function parseOrThrow<const TSchema extends GenericSchema>(
  schema: TSchema,
  input: unknown,
  what = 'input',
): InferOutput<TSchema> {
  const { output, issues } = validate(schema, input)
  if (issues.length > 0) throw new ValidationError(issues, what)
  return output
}

/**
 * Checks a `POST /v1/messages` body against every documented rule and returns it typed, or
 * throws a `ValidationError` listing every broken rule (nothing is sent).
 *
 * @example
 * parseSendMessage({ to: '0811', type: 'text', text: { body: '' } })
 * // throws ValidationError:
 * //   to: must be an E.164 phone number with a leading + (got "0811")
 * //   text.body: must be at least 1 character (got 0)
 */
export function parseSendMessage(input: unknown): SendMessageBody {
  return parseOrThrow(SendMessageSchema, input, 'message')
}
