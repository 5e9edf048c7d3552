/** An interactive message with one link button (`cta_url`). */
import { TextField } from '../ui/Field.tsx'
import type { Draft } from './draft.ts'
import { InteractiveTextFields } from './InteractiveTextFields.tsx'

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
      <InteractiveTextFields text={cta} onChange={set} bodyRows={3} />
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
