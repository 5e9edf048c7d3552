import { type Check, issue } from '../internal/checkOptions.ts'
import { describeValue } from '../schemas/index.ts'

/** A message id: a non-empty string. Ids are opaque, so nothing more is checked. */
export const checkMessageId = (id: unknown): Check =>
  (typeof id === 'string' && id !== '') ||
  issue('id', `must be a non-empty message id (got ${describeValue(id)})`)
