/** The message type, as a segmented radio group (arrow keys move between types). */
import { useId } from 'react'
import { COMPOSER_KINDS, type ComposerKind } from './draft.ts'

export interface KindPickerProps {
  readonly kind: ComposerKind
  readonly onChange: (kind: ComposerKind) => void
}

export function KindPicker({ kind, onChange }: KindPickerProps) {
  const name = useId()
  return (
    <fieldset className="kinds">
      <legend className="field__label">Message type</legend>
      <div className="kinds__options">
        {COMPOSER_KINDS.map((option) => (
          <label key={option.kind} className="kind">
            <input
              className="kind__input"
              type="radio"
              name={name}
              value={option.kind}
              checked={option.kind === kind}
              onChange={() => onChange(option.kind)}
            />
            <span className="kind__label">{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
