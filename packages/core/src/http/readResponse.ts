import * as v from 'valibot'
import { InvalidResponseError } from '../errors/InvalidResponseError.ts'
import { toValidationIssues } from '../schemas/index.ts'
import { toApiError } from './toApiError.ts'

const describeText = (text: string): string =>
  text === '' ? 'an empty body' : JSON.stringify(text.length > 64 ? `${text.slice(0, 63)}…` : text)

/**
 * The body of a response, checked against the schema of what the endpoint promises. A non-2xx
 * answer throws its `KirimError`; a 2xx body that is not JSON or breaks the schema throws
 * `InvalidResponseError` naming every path that broke.
 */
export const readResponse = <const TSchema extends v.GenericSchema>(
  response: Response,
  text: string,
  schema: TSchema,
  what: string,
): v.InferOutput<TSchema> => {
  let body: unknown = text
  let isJson = true
  try {
    body = JSON.parse(text)
  } catch {
    isJson = false
  }
  if (!response.ok) throw toApiError(response, body)

  const requestId = response.headers.get('x-request-id') ?? undefined
  const { status } = response
  if (!isJson) {
    const issues = [{ path: '', message: `must be JSON (got ${describeText(text)})` }]
    throw new InvalidResponseError(issues, { status, what, requestId, raw: text })
  }
  const result = v.safeParse(schema, body)
  if (!result.success) {
    throw new InvalidResponseError(toValidationIssues(result.issues), {
      status,
      what,
      requestId,
      raw: body,
    })
  }
  return result.output
}
