import { literal } from 'valibot'
import { byType } from '../../byType.ts'
import { HeaderFooterTextSchema, HttpsUrlSchema, INTERACTIVE_BODY_MAX, text } from '../../rules.ts'
import { strict } from '../../strict.ts'

/** `interactive.body`: `{ text }`, 1–1024 characters. */
export const InteractiveBodySchema = /* @__PURE__ */ strict({
  text: /* @__PURE__ */ text(1, INTERACTIVE_BODY_MAX),
})

/** `interactive.footer`: `{ text }`, 1–60 characters. */
export const InteractiveFooterSchema = /* @__PURE__ */ strict({
  text: HeaderFooterTextSchema,
})

/** A text header: `{ type: 'text', text }`, 1–60 characters (the only header a list takes). */
export const TextHeaderSchema = /* @__PURE__ */ strict({
  type: /* @__PURE__ */ literal('text'),
  text: HeaderFooterTextSchema,
})

const MediaLinkSchema = /* @__PURE__ */ strict({ url: HttpsUrlSchema })

/** An image header: `{ type: 'image', image: { url } }`. */
export const ImageHeaderSchema = /* @__PURE__ */ strict({
  type: /* @__PURE__ */ literal('image'),
  image: MediaLinkSchema,
})

/** A video header: `{ type: 'video', video: { url } }`. */
export const VideoHeaderSchema = /* @__PURE__ */ strict({
  type: /* @__PURE__ */ literal('video'),
  video: MediaLinkSchema,
})

/** A document header: `{ type: 'document', document: { url } }`. */
export const DocumentHeaderSchema = /* @__PURE__ */ strict({
  type: /* @__PURE__ */ literal('document'),
  document: MediaLinkSchema,
})

/** The header of a cta_url or button message: text, or an image, video or document by https URL. */
export const InteractiveHeaderSchema = /* @__PURE__ */ byType([
  TextHeaderSchema,
  ImageHeaderSchema,
  VideoHeaderSchema,
  DocumentHeaderSchema,
])
