/** An image, document, video or audio message, by public HTTPS URL. */
import { TextField } from '../ui/Field.tsx'
import type { Draft, MediaKind } from './draft.ts'

export interface MediaFieldsProps {
  readonly kind: MediaKind
  readonly draft: Draft
  readonly update: (change: (draft: Draft) => Draft) => void
}

const LIMITS: Readonly<Record<MediaKind, string>> = {
  image: 'JPEG or PNG, up to 5 MB.',
  document: 'PDF, DOCX, XLSX …, up to 100 MB.',
  video: 'MP4 or 3GPP, up to 16 MB.',
  audio: 'AAC, M4A, MP3, OPUS or AMR, up to 16 MB.',
}

export function MediaFields({ kind, draft, update }: MediaFieldsProps) {
  const media = draft.media[kind]
  const set = (patch: Partial<typeof media>) =>
    update((current) => ({
      ...current,
      media: { ...current.media, [kind]: { ...current.media[kind], ...patch } },
    }))
  return (
    <>
      <TextField
        label={`${kind[0]!.toUpperCase()}${kind.slice(1)} URL`}
        path={`${kind}.url`}
        type="url"
        inputMode="url"
        placeholder="https://…"
        hint={`A public HTTPS URL WhatsApp can download, served with the right Content-Type. ${LIMITS[kind]}`}
        value={media.url}
        onChange={(url) => set({ url })}
      />
      {kind === 'audio' ? null : (
        <TextField
          label="Caption"
          path={`${kind}.caption`}
          aside="optional"
          rows={2}
          value={media.caption}
          onChange={(caption) => set({ caption })}
        />
      )}
      {kind === 'document' ? (
        <TextField
          label="File name"
          path="document.filename"
          aside="optional"
          placeholder="invoice.pdf"
          value={media.filename}
          onChange={(filename) => set({ filename })}
        />
      ) : null}
    </>
  )
}
