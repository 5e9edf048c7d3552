/** One line about a sent body, for cards and chat bubbles. */
import type { SendMessageBody } from '@kirim/core'

export interface BodySummary {
  /** The type as a label: "Text", "Template", "List" … */
  readonly kind: string
  /** The text the customer reads first. */
  readonly text: string
  /** A secondary line: a template's name, a media URL, a button. */
  readonly detail: string | undefined
}

export function summarize(body: SendMessageBody): BodySummary {
  switch (body.type) {
    case 'text':
      return { kind: 'Text', text: body.text.body, detail: undefined }
    case 'template': {
      const language =
        typeof body.template.language === 'string'
          ? body.template.language
          : body.template.language.code
      const parameters = (body.template.components ?? []).flatMap((component) =>
        'parameters' in component && Array.isArray(component.parameters)
          ? component.parameters.flatMap((parameter) =>
              typeof parameter === 'object' && parameter !== null && 'text' in parameter
                ? [String(parameter.text)]
                : [],
            )
          : [],
      )
      return {
        kind: 'Template',
        text: `${body.template.name} · ${language}`,
        detail: parameters.length === 0 ? undefined : `Parameters: ${parameters.join(', ')}`,
      }
    }
    case 'image':
      return { kind: 'Image', text: body.image.caption || 'Image', detail: body.image.url }
    case 'document':
      return {
        kind: 'Document',
        text: body.document.filename || body.document.caption || 'Document',
        detail: body.document.url,
      }
    case 'video':
      return { kind: 'Video', text: body.video.caption || 'Video', detail: body.video.url }
    case 'audio':
      return { kind: 'Audio', text: 'Voice message', detail: body.audio.url }
    case 'interactive': {
      const interactive = body.interactive
      if (interactive.type === 'cta_url') {
        return {
          kind: 'Link button',
          text: interactive.body.text,
          detail: `${interactive.action.parameters.display_text} → ${interactive.action.parameters.url}`,
        }
      }
      if (interactive.type === 'list') {
        const rows = interactive.action.sections.flatMap((section) => section.rows)
        return {
          kind: 'List',
          text: interactive.body.text,
          detail: `${interactive.action.button}: ${rows.map((row) => row.title).join(', ')}`,
        }
      }
      return {
        kind: 'Reply buttons',
        text: interactive.body.text,
        detail: interactive.action.buttons.map((button) => button.reply.title).join(' · '),
      }
    }
  }
}
