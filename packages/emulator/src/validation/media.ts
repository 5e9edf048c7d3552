import { invalidField } from '../errors/api-error.ts'
import { httpsUrl, type JsonObject, optionalString, requiredObject } from './fields.ts'

/** The media message types. */
export type MediaType = 'image' | 'document' | 'video' | 'audio'

/** `image` / `video` / `document` / `audio` payloads: `{ url, caption?, filename? }`. */
export function validateMedia(body: JsonObject, type: MediaType): { url: string } {
  const media = requiredObject(body, type, '')
  const url = httpsUrl(media.url, `${type}.url`)
  if (type === 'audio') {
    if (media.caption !== undefined) {
      throw invalidField(
        'audio.caption',
        'audio.caption is not allowed: audio messages carry no caption.',
      )
    }
  } else {
    optionalString(media, 'caption', type, { max: 1024 })
  }
  if (type === 'document') optionalString(media, 'filename', type, { max: 240 })
  return { url }
}
