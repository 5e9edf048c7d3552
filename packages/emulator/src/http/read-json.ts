import { ApiError } from '../errors/api-error.ts'

/** The largest body read: 1 MiB. Reading stops as soon as a body goes past it. */
export const MAX_BODY_BYTES = 1024 * 1024

/** How deep a stored payload may nest. */
export const MAX_DEPTH = 64

const tooLarge = () =>
  new ApiError({
    status: 413,
    type: 'invalid_request_error',
    code: 'request_too_large',
    message: `The request body is larger than ${MAX_BODY_BYTES} bytes (1 MiB).`,
  })

const invalidJson = (message: string) =>
  new ApiError({ status: 400, type: 'invalid_request_error', code: 'invalid_json', message })

/** Reads at most 1 MiB of the body as UTF-8 text, cancelling the stream past that. */
export async function readBodyText(request: Request): Promise<string> {
  const declared = request.headers.get('content-length')
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > MAX_BODY_BYTES) {
    await request.body?.cancel().catch(() => {})
    throw tooLarge()
  }
  if (request.body === null) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {})
      throw tooLarge()
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw invalidJson('The request body is not valid UTF-8.')
  }
}

/** Whether the media type is `application/json` (parameters such as charset allowed). */
export const isJsonContentType = (value: string | null): boolean =>
  value !== null && /^\s*application\/json\s*(?:;|$)/i.test(value)

/** Parses JSON text; 400 `invalid_json` when it does not parse. */
export function parseJson(text: string): unknown {
  if (text.trim() === '') throw invalidJson('The request body is empty; send a JSON object.')
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw invalidJson(
      `The request body is not valid JSON (${error instanceof Error ? error.message : 'parse error'}).`,
    )
  }
  return value
}

/**
 * Whether a JSON value nests deeper than 64 levels. Iterative, so a hostile body cannot
 * overflow the stack; recursive walks (canonical JSON, `JSON.stringify`) check this first.
 */
export function isTooDeep(value: unknown): boolean {
  const stack: [unknown, number][] = [[value, 1]]
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!
    if (item === null || typeof item !== 'object') continue
    if (depth > MAX_DEPTH) return true
    for (const child of Object.values(item)) stack.push([child, depth + 1])
  }
  return false
}

/**
 * Reads the JSON body of an API write: 415 without `Content-Type: application/json`,
 * 413 over 1 MiB, 400 `invalid_json` when it does not parse.
 */
export async function readJsonBody(request: Request): Promise<{ value: unknown; text: string }> {
  if (!isJsonContentType(request.headers.get('content-type'))) {
    await request.body?.cancel().catch(() => {})
    throw new ApiError({
      status: 415,
      type: 'invalid_request_error',
      code: 'unsupported_media_type',
      message: 'Send the request body as JSON with `Content-Type: application/json`.',
    })
  }
  const text = await readBodyText(request)
  return { value: parseJson(text), text }
}
