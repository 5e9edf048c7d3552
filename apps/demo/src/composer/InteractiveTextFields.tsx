/** The text parts every interactive message has: an optional header, the body, an optional footer. */
import { TextField } from '../ui/Field.tsx'

/** The header, body and footer of an interactive draft. */
export interface InteractiveText {
  readonly header: string
  readonly body: string
  readonly footer: string
}

export function HeaderField({
  value,
  onChange,
}: {
  readonly value: string
  readonly onChange: (header: string) => void
}) {
  return (
    <TextField
      label="Header"
      path="interactive.header.text"
      aside="optional"
      value={value}
      onChange={onChange}
    />
  )
}

export interface InteractiveTextFieldsProps {
  readonly text: InteractiveText
  readonly onChange: (patch: Partial<InteractiveText>) => void
  /** The body's height in rows. */
  readonly bodyRows: number
  /** Leave the header out: the caller lays it out beside another field. */
  readonly withoutHeader?: boolean
}

export function InteractiveTextFields({
  text,
  onChange,
  bodyRows,
  withoutHeader = false,
}: InteractiveTextFieldsProps) {
  return (
    <>
      {withoutHeader ? null : (
        <HeaderField value={text.header} onChange={(header) => onChange({ header })} />
      )}
      <TextField
        label="Body"
        path="interactive.body.text"
        rows={bodyRows}
        value={text.body}
        onChange={(body) => onChange({ body })}
      />
      <TextField
        label="Footer"
        path="interactive.footer.text"
        aside="optional"
        value={text.footer}
        onChange={(footer) => onChange({ footer })}
      />
    </>
  )
}
