import { type Check, issue } from '../internal/checkOptions.ts'
import { describeValue } from '../schemas/describe.ts'

/**
 * The raw request body exactly as it arrived: a `string`, a `Uint8Array` (Node's `Buffer` is
 * one) or an `ArrayBuffer`. Never a parsed object: the signature covers the exact bytes.
 */
export type WebhookBody = string | Uint8Array | ArrayBuffer

const encoder = new TextEncoder()

// Checks that hold across realms (an edge runtime's VM, an iframe), unlike `instanceof`.
const isBuffer = (body: unknown): boolean => {
  const tag = Object.prototype.toString.call(body)
  return tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]'
}

/** A raw body: a string, a `Uint8Array` or another view, or an `ArrayBuffer`. */
export const checkBody = (body: unknown): Check =>
  typeof body === 'string' ||
  ArrayBuffer.isView(body) ||
  isBuffer(body) ||
  issue(
    'body',
    `must be the raw request body as a string, Uint8Array or ArrayBuffer (got ${describeValue(body)}). ` +
      'A body already parsed by a JSON middleware cannot be verified: read it raw ' +
      "(express.raw({ type: 'application/json' }), await request.text() or await request.arrayBuffer())",
  )

/** The bytes of a body that passed {@link checkBody} (a string is encoded as UTF-8). */
export function bodyBytes(body: WebhookBody): Uint8Array {
  if (typeof body === 'string') return encoder.encode(body)
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
  return new Uint8Array(body)
}
