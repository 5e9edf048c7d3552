import { ApiError, invalidField } from '../errors/api-error.ts'
import { child, item } from '../validation/fields.ts'
import { MAX_BODY_BYTES, MAX_DEPTH } from '../validation/limits.ts'

const tooLarge = () =>
  new ApiError({
    code: 'request_too_large',
    message: `The request body is larger than ${MAX_BODY_BYTES} bytes (1 MiB).`,
  })

const invalidJson = (message: string) => new ApiError({ code: 'invalid_json', message })

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

/** A container met while looking for one nested too deep. */
interface Frame {
  readonly value: object
  readonly depth: number
  readonly parent: Frame | undefined
  readonly key: string | number
}

const pathOf = (frame: Frame): string => {
  const keys: (string | number)[] = []
  for (let at: Frame | undefined = frame; at?.parent !== undefined; at = at.parent)
    keys.push(at.key)
  return keys.reduceRight<string>(
    (path, key) => (typeof key === 'number' ? item(path, key) : child(path, key)),
    '',
  )
}

/**
 * The path of the first object or array (in document order) nested deeper than 64 levels,
 * the body itself being level 1; undefined when there is none. Iterative, so a hostile
 * body cannot overflow the stack: every recursive walk (validation, canonical JSON,
 * `JSON.stringify`) comes after this check.
 */
export function tooDeepPath(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined
  const stack: Frame[] = [{ value, depth: 1, parent: undefined, key: '' }]
  while (stack.length > 0) {
    const frame = stack.pop()!
    if (frame.depth > MAX_DEPTH) return pathOf(frame)
    const children: Frame[] = []
    const add = (child: unknown, key: string | number) => {
      if (child !== null && typeof child === 'object')
        children.push({ value: child, depth: frame.depth + 1, parent: frame, key })
    }
    if (Array.isArray(frame.value)) frame.value.forEach(add)
    else for (const [key, child] of Object.entries(frame.value)) add(child, key)
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!)
  }
  return undefined
}

/**
 * Parses JSON text: 400 `invalid_json` when it does not parse, 400 `invalid_field_value`
 * naming the path when it nests deeper than 64 levels. (`JSON.parse` itself is iterative in
 * every engine the emulator runs on; the depth is checked before anything else walks it.)
 */
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
  const deep = tooDeepPath(value)
  if (deep !== undefined) {
    throw invalidField(
      deep,
      `${deep} nests deeper than ${MAX_DEPTH} levels; a body may nest at most ${MAX_DEPTH} objects and arrays.`,
    )
  }
  return value
}

/**
 * Reads the JSON body of an API write: 415 without `Content-Type: application/json`,
 * 413 over 1 MiB (counted before parsing), 400 `invalid_json` when it does not parse, 400
 * `invalid_field_value` when it nests deeper than 64 levels.
 */
export async function readJsonBody(request: Request): Promise<{ value: unknown }> {
  if (!isJsonContentType(request.headers.get('content-type'))) {
    await request.body?.cancel().catch(() => {})
    throw new ApiError({
      code: 'unsupported_media_type',
      message: 'Send the request body as JSON with `Content-Type: application/json`.',
    })
  }
  return { value: parseJson(await readBodyText(request)) }
}
