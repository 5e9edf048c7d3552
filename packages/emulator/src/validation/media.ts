import { httpsUrl, type JsonObject, onlyFields, optionalString, requiredObject } from './fields.ts'
import { FIELDS, LIMITS } from './limits.ts'

/** The media message types. */
export type MediaType = 'image' | 'document' | 'video' | 'audio'

/** `image` / `video` / `document` / `audio` payloads: `{ url, caption?, filename? }`. */
export function validateMedia(body: JsonObject, type: MediaType): { url: string } {
  const media = requiredObject(body, type, '')
  // Audio carries no caption: a `caption` on it is an unknown field like any other.
  onlyFields(media, type, FIELDS[type])
  const url = httpsUrl(media.url, `${type}.url`)
  if (type !== 'audio') optionalString(media, 'caption', type, LIMITS.caption)
  if (type === 'document') optionalString(media, 'filename', type, LIMITS.filename)
  return { url }
}
