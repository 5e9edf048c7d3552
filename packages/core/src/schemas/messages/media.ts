import { type InferInput, literal, optional } from 'valibot'
import { CAPTION_MAX, FILENAME_MAX, HttpsUrlSchema, text } from '../rules.ts'
import { strict } from '../strict.ts'
import { RECIPIENT_ENTRIES } from './recipient.ts'

const caption = /* @__PURE__ */ optional(/* @__PURE__ */ text(0, CAPTION_MAX))

/** The `image` object: `{ url, caption? }`; JPEG or PNG, up to 5 MB, at a public https URL. */
export const ImageContentSchema = /* @__PURE__ */ strict({
  /** A public `https:` URL Meta can fetch, served with the right Content-Type. */
  url: HttpsUrlSchema,
  /** At most 1024 characters. */
  caption,
})

/** The `document` object: `{ url, caption?, filename? }`; PDF, DOC(X), XLS(X), PPT(X), TXT, up to 100 MB. */
export const DocumentContentSchema = /* @__PURE__ */ strict({
  /** A public `https:` URL Meta can fetch. */
  url: HttpsUrlSchema,
  /** At most 1024 characters. */
  caption,
  /** The file name the recipient sees, at most 240 characters. */
  filename: /* @__PURE__ */ optional(/* @__PURE__ */ text(0, FILENAME_MAX)),
})

/** The `video` object: `{ url, caption? }`; MP4 (H.264 + AAC) or 3GPP, up to 16 MB. */
export const VideoContentSchema = /* @__PURE__ */ strict({
  /** A public `https:` URL Meta can fetch. */
  url: HttpsUrlSchema,
  /** At most 1024 characters. */
  caption,
})

/** The `audio` object: `{ url }` only (audio has no caption); AAC, M4A, MP3, AMR, OGG Opus, up to 16 MB. */
export const AudioContentSchema = /* @__PURE__ */ strict({
  /** A public `https:` URL Meta can fetch. */
  url: HttpsUrlSchema,
})

/**
 * An image message.
 *
 * @example
 * { to: '+628111111111', type: 'image', image: { url: 'https://cdn.example.com/a.jpg', caption: 'Lihat' } }
 */
export const ImageMessageSchema = /* @__PURE__ */ strict({
  ...RECIPIENT_ENTRIES,
  type: /* @__PURE__ */ literal('image'),
  image: ImageContentSchema,
})

/** A document message. */
export const DocumentMessageSchema = /* @__PURE__ */ strict({
  ...RECIPIENT_ENTRIES,
  type: /* @__PURE__ */ literal('document'),
  document: DocumentContentSchema,
})

/** A video message. */
export const VideoMessageSchema = /* @__PURE__ */ strict({
  ...RECIPIENT_ENTRIES,
  type: /* @__PURE__ */ literal('video'),
  video: VideoContentSchema,
})

/** An audio message (no caption). */
export const AudioMessageSchema = /* @__PURE__ */ strict({
  ...RECIPIENT_ENTRIES,
  type: /* @__PURE__ */ literal('audio'),
  audio: AudioContentSchema,
})

/** The body of `POST /v1/messages` for an image message. */
export type ImageMessageBody = InferInput<typeof ImageMessageSchema>
/** The body of `POST /v1/messages` for a document message. */
export type DocumentMessageBody = InferInput<typeof DocumentMessageSchema>
/** The body of `POST /v1/messages` for a video message. */
export type VideoMessageBody = InferInput<typeof VideoMessageSchema>
/** The body of `POST /v1/messages` for an audio message. */
export type AudioMessageBody = InferInput<typeof AudioMessageSchema>
