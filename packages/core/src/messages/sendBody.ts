import { SendMessageSchema, validate } from '../schemas/index.ts'

/**
 * A send body as it goes out, for `send` and `sendMany` alike: the client's `from` filled in
 * where the body has none, checked against every documented rule.
 */
export const checkSendBody = (body: unknown, from: string | undefined) =>
  validate(
    SendMessageSchema,
    from !== undefined &&
      typeof body === 'object' &&
      body !== null &&
      (body as { from?: unknown }).from === undefined
      ? { ...body, from }
      : body,
  )
