/** A text message: the body (1–4096 characters) and the link preview switch. */
import { TextField } from '../ui/Field.tsx'
import type { Draft } from './draft.ts'

export interface TextFieldsProps {
  readonly draft: Draft
  readonly update: (change: (draft: Draft) => Draft) => void
}

const characters = new Intl.NumberFormat('en')

export function TextFields({ draft, update }: TextFieldsProps) {
  const { body, previewUrl } = draft.text
  const setText = (text: Partial<Draft['text']>) =>
    update((current) => ({ ...current, text: { ...current.text, ...text } }))
  return (
    <>
      <TextField
        label="Message"
        path="text.body"
        rows={5}
        aside={`${characters.format([...body].length)} characters`}
        hint="WhatsApp keeps *bold*, _italic_, ~strike~ and `code`. Free-form text needs the customer to have written in the last 24 hours."
        value={body}
        onChange={(value) => setText({ body: value })}
      />
      <label className="check">
        <input
          type="checkbox"
          data-path="text.preview_url"
          checked={previewUrl}
          onChange={(event) => setText({ previewUrl: event.target.checked })}
        />
        <span>Show a preview of the first link</span>
      </label>
    </>
  )
}
