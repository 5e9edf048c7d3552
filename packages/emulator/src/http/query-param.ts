import { invalidField } from '../errors/api-error.ts'

/** The single value of a query parameter; repeating it is 400 `invalid_field_value`. */
export function singleParam(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name)
  if (values.length > 1)
    throw invalidField(name, `${name} may be given once (got ${values.length} values).`)
  return values[0]
}
