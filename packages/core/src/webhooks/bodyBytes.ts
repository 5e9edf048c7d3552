/**
 * The raw request body exactly as it arrived: a `string`, a `Uint8Array` (Node's `Buffer` is
 * one) or an `ArrayBuffer`. Never a parsed object: the signature covers the exact bytes.
 */
export type WebhookBody = string | Uint8Array | ArrayBuffer

const encoder = new TextEncoder()

/** The bytes of `body` (a string is encoded as UTF-8); a TypeError for anything else. */
export function bodyBytes(body: WebhookBody): Uint8Array {
  if (typeof body === 'string') return encoder.encode(body)
  // Checks that hold across realms (an edge runtime's VM, an iframe), unlike `instanceof`.
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
  const tag = Object.prototype.toString.call(body)
  if (tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]') {
    return new Uint8Array(body as ArrayBuffer)
  }
  const got = body === null ? 'null' : typeof body === 'object' ? 'an object' : typeof body
  throw new TypeError(
    `body must be the raw request body as a string, Uint8Array or ArrayBuffer (got ${got}). ` +
      'A body already parsed by a JSON middleware cannot be verified: read it raw ' +
      "(express.raw({ type: 'application/json' }), await request.text() or await request.arrayBuffer()).",
  )
}
