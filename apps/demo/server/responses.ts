/** The demo's JSON answers, in the Kirim error envelope's shape so the page reads them alike. */

export const json = (value: unknown, status = 200): Response =>
  Response.json(value, { status, headers: { 'Cache-Control': 'no-store' } })

/** `{ error: { type, code, message, param? } }` with `status`. */
export const failure = (
  status: number,
  error: {
    readonly type: string
    readonly code: string
    readonly message: string
    readonly param?: string
  },
): Response => json({ error }, status)

export const notFound = (message: string): Response =>
  failure(404, { type: 'not_found', code: 'route_not_found', message })

/** The JSON body of a request or response, or `undefined` when it is not JSON. */
export async function jsonOf(message: Request | Response): Promise<unknown> {
  try {
    return JSON.parse(await message.text())
  } catch {
    return undefined
  }
}
