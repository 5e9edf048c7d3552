/**
 * The composer's form state (a draft of every message type at once, so switching type keeps what
 * was typed) and its translation into a `POST /v1/messages` body. The body is deliberately built
 * unchecked: `@kirim/core` validates it, and its issue paths (`text.body`,
 * `interactive.action.sections[0].rows[1].title`) are the `data-path` of the inputs.
 */
import type { Template } from '@kirim/core'

/** What the composer can send: the message types, with interactive split by kind. */
export type ComposerKind =
  | 'text'
  | 'template'
  | 'image'
  | 'document'
  | 'video'
  | 'audio'
  | 'cta_url'
  | 'list'
  | 'buttons'

export type MediaKind = 'image' | 'document' | 'video' | 'audio'

/** The kinds, in the order the type picker shows them. */
export const COMPOSER_KINDS: readonly { readonly kind: ComposerKind; readonly label: string }[] = [
  { kind: 'text', label: 'Text' },
  { kind: 'template', label: 'Template' },
  { kind: 'image', label: 'Image' },
  { kind: 'document', label: 'Document' },
  { kind: 'video', label: 'Video' },
  { kind: 'audio', label: 'Audio' },
  { kind: 'cta_url', label: 'Link button' },
  { kind: 'list', label: 'List' },
  { kind: 'buttons', label: 'Reply buttons' },
]

export interface MediaDraft {
  readonly url: string
  readonly caption: string
  readonly filename: string
}

export interface ListRowDraft {
  readonly id: string
  readonly title: string
  readonly description: string
}

export interface ListSectionDraft {
  readonly title: string
  readonly rows: readonly ListRowDraft[]
}

export interface ReplyButtonDraft {
  readonly id: string
  readonly title: string
}

export interface Draft {
  /** The sender; `''` lets Kirim pick the organisation's only number. */
  readonly from: string
  readonly to: string
  readonly kind: ComposerKind
  readonly text: { readonly body: string; readonly previewUrl: boolean }
  readonly template: {
    /** `name:language` of the chosen template, `''` before one is chosen. */
    readonly key: string
    readonly parameters: readonly string[]
  }
  readonly media: Readonly<Record<MediaKind, MediaDraft>>
  readonly ctaUrl: {
    readonly header: string
    readonly body: string
    readonly footer: string
    readonly displayText: string
    readonly url: string
  }
  readonly list: {
    readonly header: string
    readonly body: string
    readonly footer: string
    readonly button: string
    readonly sections: readonly ListSectionDraft[]
  }
  readonly buttons: {
    readonly header: string
    readonly body: string
    readonly footer: string
    readonly buttons: readonly ReplyButtonDraft[]
  }
}

/** A template's key in the picker. */
export const templateKey = (template: Pick<Template, 'name' | 'language'>): string =>
  `${template.name}:${template.language}`

/** The example parameters of the seed's `order_confirmation`, so its first send just works. */
export const EXAMPLE_PARAMETERS: Readonly<Record<string, readonly string[]>> = {
  'order_confirmation:id_ID': ['John', 'ORD-12345'],
  'otp_code:en_US': ['482913'],
}

/** A blank list row. */
export const emptyRow = (): ListRowDraft => ({ id: '', title: '', description: '' })

/** A blank reply button. */
export const emptyButton = (): ReplyButtonDraft => ({ id: '', title: '' })

/** The first draft: the examples of the "Send your first message" guide, ready to send. */
export function initialDraft(from: string, to: string): Draft {
  return {
    from,
    to,
    kind: 'text',
    text: { body: 'Halo dari Kirim', previewUrl: false },
    template: { key: '', parameters: [] },
    media: {
      image: {
        url: 'https://your-cdn.example.com/screenshot.jpg',
        caption: 'Lihat tangkapan layar',
        filename: '',
      },
      document: {
        url: 'https://your-cdn.example.com/invoice-12345.pdf',
        caption: 'Invoice pesanan ORD-12345',
        filename: 'invoice-12345.pdf',
      },
      video: { url: 'https://your-cdn.example.com/unboxing.mp4', caption: '', filename: '' },
      audio: { url: 'https://your-cdn.example.com/voice-note.mp3', caption: '', filename: '' },
    },
    ctaUrl: {
      header: '',
      body: 'Klik untuk melacak pesanan Anda.',
      footer: '',
      displayText: 'Lacak Pesanan',
      url: 'https://your-app.example.com/orders/12345',
    },
    list: {
      header: 'Pilih layanan',
      body: 'Layanan apa yang Anda butuhkan?',
      footer: 'Pilih satu',
      button: 'Lihat opsi',
      sections: [
        {
          title: 'Bantuan',
          rows: [
            { id: 'billing', title: 'Tagihan', description: 'Tanya soal tagihan' },
            { id: 'tech', title: 'Teknis', description: 'Bug, error, kesulitan' },
          ],
        },
      ],
    },
    buttons: {
      header: '',
      body: 'Konfirmasi pesanan ORD-12345?',
      footer: '',
      buttons: [
        { id: 'confirm', title: 'Ya, konfirmasi' },
        { id: 'cancel', title: 'Batalkan' },
      ],
    },
  }
}

/** `value` when it is not blank, else nothing: optional fields are left out, not sent empty. */
const optional = <T>(value: string, build: (value: string) => T): T | undefined =>
  value.trim() === '' ? undefined : build(value)

const withOptional = <T extends object>(fields: T): T =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T

/**
 * The `POST /v1/messages` body the draft describes, unchecked. Required fields are sent even
 * when empty, so that validation names them.
 */
export function buildBody(draft: Draft): Record<string, unknown> {
  const address = withOptional({
    from: optional(draft.from, (from) => from.trim()),
    to: draft.to.trim(),
  })
  switch (draft.kind) {
    case 'text':
      return {
        ...address,
        type: 'text',
        text: { body: draft.text.body, ...(draft.text.previewUrl ? { preview_url: true } : {}) },
      }
    case 'template': {
      const separator = draft.template.key.lastIndexOf(':')
      const name = separator === -1 ? draft.template.key : draft.template.key.slice(0, separator)
      const language = separator === -1 ? '' : draft.template.key.slice(separator + 1)
      const parameters = draft.template.parameters
      return {
        ...address,
        type: 'template',
        template: {
          name,
          language,
          ...(parameters.length === 0
            ? {}
            : {
                components: [
                  { type: 'body', parameters: parameters.map((text) => ({ type: 'text', text })) },
                ],
              }),
        },
      }
    }
    case 'image':
    case 'document':
    case 'video':
    case 'audio': {
      const media = draft.media[draft.kind]
      return {
        ...address,
        type: draft.kind,
        [draft.kind]: withOptional({
          url: media.url.trim(),
          caption:
            draft.kind === 'audio' ? undefined : optional(media.caption, (caption) => caption),
          filename:
            draft.kind === 'document' ? optional(media.filename, (name) => name.trim()) : undefined,
        }),
      }
    }
    case 'cta_url': {
      const cta = draft.ctaUrl
      return {
        ...address,
        type: 'interactive',
        interactive: withOptional({
          type: 'cta_url',
          header: optional(cta.header, (text) => ({ type: 'text', text })),
          body: { text: cta.body },
          footer: optional(cta.footer, (text) => ({ text })),
          action: {
            name: 'cta_url',
            parameters: { display_text: cta.displayText, url: cta.url.trim() },
          },
        }),
      }
    }
    case 'list': {
      const list = draft.list
      return {
        ...address,
        type: 'interactive',
        interactive: withOptional({
          type: 'list',
          header: optional(list.header, (text) => ({ type: 'text', text })),
          body: { text: list.body },
          footer: optional(list.footer, (text) => ({ text })),
          action: {
            button: list.button,
            sections: list.sections.map((section) =>
              withOptional({
                title: optional(section.title, (title) => title),
                rows: section.rows.map((row) =>
                  withOptional({
                    id: row.id,
                    title: row.title,
                    description: optional(row.description, (description) => description),
                  }),
                ),
              }),
            ),
          },
        }),
      }
    }
    case 'buttons': {
      const buttons = draft.buttons
      return {
        ...address,
        type: 'interactive',
        interactive: withOptional({
          type: 'button',
          header: optional(buttons.header, (text) => ({ type: 'text', text })),
          body: { text: buttons.body },
          footer: optional(buttons.footer, (text) => ({ text })),
          action: {
            buttons: buttons.buttons.map((button) => ({
              type: 'reply',
              reply: { id: button.id, title: button.title },
            })),
          },
        }),
      }
    }
  }
}
