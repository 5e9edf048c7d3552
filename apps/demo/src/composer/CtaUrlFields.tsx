/** An interactive message with one link button (`cta_url`). */
import { TextField } from '../ui/Field.tsx'
import type { Draft } from './draft.ts'

export interface CtaUrlFieldsProps {
  readonly draft: Draft
  readonly update: (change: (draft: Draft) => Draft) => void
}

export function CtaUrlFields({ draft, update }: CtaUrlFieldsProps) {
  const cta = draft.ctaUrl
  const set = (patch: Partial<Draft['ctaUrl']>) =>
    update((current) => ({ ...current, ctaUrl: { ...current.ctaUrl, ...patch } }))
  return (
    <>
      <TextField
        label="Header"
        path="interactive.header.text"
        aside="optional"
        value={cta.header}
        onChange={(header) => set({ header })}
      />
      <TextField
        label="Body"
        path="interactive.body.text"
        rows={3}
        value={cta.body}
        onChange={(body) => set({ body })}
      />
      <TextField
        label="Footer"
        path="interactive.footer.text"
        aside="optional"
        value={cta.footer}
        onChange={(footer) => set({ footer })}
      />
      <div className="grid-2">
        <TextField
          label="Button text"
          path="interactive.action.parameters.display_text"
          value={cta.displayText}
          onChange={(displayText) => set({ displayText })}
        />
        <TextField
          label="Button URL"
          path="interactive.action.parameters.url"
          type="url"
          inputMode="url"
          value={cta.url}
          onChange={(url) => set({ url })}
        />
      </div>
    </>
  )
}
