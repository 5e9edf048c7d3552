/**
 * Reads a request body with a size limit, counting bytes as they arrive: a body that claims
 * to be small and is not, or that has no `Content-Length`, is cut off at the limit all the same.
 */
import { refuse } from './errors.ts'

/** The largest body the proxy reads: the Kirim API's own limit (1 MiB, as `request_too_large` says). */
export const MAX_BODY_BYTES = 1_048_576

/** The body's bytes, or the 413 `request_too_large` to answer once more than `limit` bytes arrived. */
export async function readBody(
  request: Request,
  limit = MAX_BODY_BYTES,
): Promise<Uint8Array | Response> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN)
  if (declared > limit) return refuse('request_too_large')
  if (request.body === null) return new Uint8Array(0)
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      // Not cancelled: some adapters (Node's `Readable.toWeb`) destroy the socket on cancel, and
      // the 413 would never reach the client. The runtime discards the unread rest.
      reader.releaseLock()
      return refuse('request_too_large')
    }
    chunks.push(value)
  }
  // A request body stream hands out ArrayBuffer-backed chunks; the type says ArrayBufferLike.
  return new Uint8Array(await new Blob(chunks as Uint8Array<ArrayBuffer>[]).arrayBuffer())
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true })

/** The body as JSON, or why it is not: not UTF-8, or not JSON. */
export function parseJson(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(strictDecoder.decode(bytes)) }
  } catch {
    return { ok: false }
  }
}
