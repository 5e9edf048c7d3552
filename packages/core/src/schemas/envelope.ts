import { array, boolean, type GenericSchema, looseObject, nullable, string } from 'valibot'

/**
 * The envelope of a single resource: `{ data, request_id }`. Unknown fields are kept.
 *
 * @example
 * const MessageResponseSchema = dataEnvelope(MessageSchema)
 */
/* @__NO_SIDE_EFFECTS__ */
export function dataEnvelope<const TSchema extends GenericSchema>(schema: TSchema) {
  return looseObject({
    /** The resource. */
    data: schema,
    /** The `req_…` id of the request. */
    request_id: string(),
  })
}

/**
 * The envelope of a page of a list: `{ data: [...], has_more, next_cursor, request_id }`;
 * `next_cursor` is `null` on the last page. Unknown fields are kept.
 *
 * @example
 * const TemplatePageSchema = listEnvelope(TemplateSchema)
 */
/* @__NO_SIDE_EFFECTS__ */
export function listEnvelope<const TSchema extends GenericSchema>(schema: TSchema) {
  return looseObject({
    /** The items of this page. */
    data: array(schema),
    /** Whether another page follows. */
    has_more: boolean(),
    /** Pass it as `cursor` verbatim for the next page; `null` at the end. */
    next_cursor: nullable(string()),
    /** The `req_…` id of the request. */
    request_id: string(),
  })
}
