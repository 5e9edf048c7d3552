import { ApiError } from '../errors/api-error.ts'
import { hmacHex } from '../webhooks/signature.ts'

const invalidCursor = (message: string) =>
  new ApiError({
    code: 'invalid_cursor',
    param: 'cursor',
    message,
  })

const base64url = (text: string): string =>
  btoa(text).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')

const fromBase64url = (text: string): string => atob(text.replaceAll('-', '+').replaceAll('_', '/'))

/**
 * Opaque, tamper-evident page cursors: the next offset and the filters it belongs to,
 * signed with an HMAC key only this emulator knows. A changed byte, or reuse with other
 * filters, is 400 `invalid_cursor`.
 */
export class CursorCodec {
  readonly #secret: string

  constructor() {
    const bytes = crypto.getRandomValues(new Uint8Array(32))
    this.#secret = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  }

  async encode(offset: number, filters: string): Promise<string> {
    const payload = base64url(JSON.stringify({ o: offset, f: filters }))
    const mac = (await hmacHex(this.#secret, payload)).slice(0, 32)
    return `${payload}.${mac}`
  }

  /** The offset a cursor points at; throws 400 `invalid_cursor`. */
  async decode(cursor: string, filters: string): Promise<number> {
    const match = /^([A-Za-z0-9_-]{1,2048})\.([0-9a-f]{32})$/.exec(cursor)
    if (match === null)
      throw invalidCursor('The cursor is not one this API issued; pass next_cursor verbatim.')
    const [, payload = '', mac] = match
    if ((await hmacHex(this.#secret, payload)).slice(0, 32) !== mac) {
      throw invalidCursor('The cursor has been altered; pass next_cursor verbatim.')
    }
    let decoded: unknown
    try {
      decoded = JSON.parse(fromBase64url(payload))
    } catch {
      throw invalidCursor('The cursor could not be read; pass next_cursor verbatim.')
    }
    const { o, f } = (decoded ?? {}) as { o?: unknown; f?: unknown }
    if (typeof o !== 'number' || !Number.isInteger(o) || o < 0 || typeof f !== 'string') {
      throw invalidCursor('The cursor could not be read; pass next_cursor verbatim.')
    }
    if (f !== filters) {
      throw invalidCursor(
        'The cursor was issued for other filters; keep status, language and name the same while paging.',
      )
    }
    return o
  }
}
