import { type GenericSchema, type InferOutput, safeParse } from 'valibot'
import { InvalidResponseError } from '../errors/InvalidResponseError.ts'
import { describeValue, toValidationIssues } from '../schemas/index.ts'

/** The body parsed as JSON, or `undefined` when it is not JSON (a gateway's page, an empty body). */
export const parseJson = (text: string): { readonly value: unknown } | undefined => {
  try {
    return { value: JSON.parse(text) }
  } catch {
    return undefined
  }
}

/**
 * The body of a 2xx response, checked against the schema of what the endpoint promises, or
 * `InvalidResponseError` naming every path that broke (or saying it is not JSON).
 */
export const readResponse = <const TSchema extends GenericSchema>(
  response: Response,
  text: string,
  schema: TSchema,
  what: string,
): InferOutput<TSchema> => {
  const json = parseJson(text)
  const result = json && safeParse(schema, json.value)
  if (result?.success) return result.output
  const issues = result
    ? toValidationIssues(result.issues)
    : [{ path: '', message: `must be JSON (got ${text ? describeValue(text) : 'an empty body'})` }]
  throw new InvalidResponseError(issues, {
    status: response.status,
    what,
    requestId: response.headers.get('x-request-id') ?? undefined,
    raw: json ? json.value : text,
  })
}
