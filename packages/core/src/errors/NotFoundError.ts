import { KirimError } from './KirimError.ts'

/**
 * Thrown on HTTP 404 (`resource_not_found`): the id does not exist, or belongs to another
 * organisation (Kirim does not tell the two apart), or the path is unknown (a wrong `baseUrl`).
 *
 * @example
 * const message = await kirim.messages.get(id).catch((error) => {
 *   if (error instanceof NotFoundError) return undefined
 *   throw error
 * })
 */
export class NotFoundError extends KirimError {
  override name = 'NotFoundError'
  declare readonly status: number
}
