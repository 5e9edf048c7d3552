/**
 * A labelled form control with its hint and its validation messages, wired for screen readers:
 * the label names the control, the hint and the errors describe it, and `aria-invalid` marks it.
 */
import { type ReactNode, useId } from 'react'
import { useIssues } from '../composer/issues.ts'

/** The props a control gets from its {@link Field}. */
export interface ControlProps {
  readonly id: string
  readonly 'data-path': string
  readonly 'aria-invalid': boolean
  readonly 'aria-describedby': string | undefined
}

export interface FieldProps {
  readonly label: ReactNode
  /** The body path the control fills: validation issues on it show here. */
  readonly path: string
  /** More paths whose issues belong to this control (a template's `name` and `language`). */
  readonly alsoPaths?: readonly string[]
  readonly hint?: ReactNode
  /** Shown at the right of the label: a character count, "optional". */
  readonly aside?: ReactNode
  readonly className?: string
  /** Keeps the label for screen readers only (the control sits under a visible column header). */
  readonly labelHidden?: boolean
  readonly children: (props: ControlProps) => ReactNode
}

export function Field({
  label,
  path,
  alsoPaths = [],
  hint,
  aside,
  className,
  labelHidden = false,
  children,
}: FieldProps) {
  const id = useId()
  const errors = useIssues(path, ...alsoPaths)
  const hintId = hint === undefined ? undefined : `${id}-hint`
  const errorId = errors.length === 0 ? undefined : `${id}-error`
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined
  return (
    <div
      className={['field', errors.length > 0 ? 'field--invalid' : '', className ?? '']
        .join(' ')
        .trim()}
    >
      <div className={labelHidden ? 'visually-hidden' : 'field__label-row'}>
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
        {aside === undefined ? null : <span className="field__aside">{aside}</span>}
      </div>
      {children({
        id,
        'data-path': path,
        'aria-invalid': errors.length > 0,
        'aria-describedby': describedBy,
      })}
      {errorId === undefined ? null : (
        <ul className="field__errors" id={errorId}>
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      {hintId === undefined ? null : (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  )
}

export interface TextFieldProps extends Omit<FieldProps, 'children'> {
  readonly value: string
  readonly onChange: (value: string) => void
  readonly placeholder?: string
  /** A textarea of this many rows instead of a one-line input. */
  readonly rows?: number
  readonly type?: 'text' | 'tel' | 'url'
  readonly inputMode?: 'text' | 'tel' | 'url'
  readonly autoComplete?: string
  readonly spellCheck?: boolean
}

/** A labelled text input (or textarea, with `rows`). */
export function TextField({
  value,
  onChange,
  placeholder,
  rows,
  type = 'text',
  inputMode,
  autoComplete = 'off',
  spellCheck,
  ...field
}: TextFieldProps) {
  return (
    <Field {...field}>
      {(control) => {
        const text = {
          ...control,
          spellCheck,
          placeholder,
          value,
          onChange: (event: { target: { value: string } }) => onChange(event.target.value),
        }
        return rows === undefined ? (
          <input
            {...text}
            className="input"
            type={type}
            inputMode={inputMode}
            autoComplete={autoComplete}
          />
        ) : (
          <textarea {...text} className="input input--area" rows={rows} />
        )
      }}
    </Field>
  )
}
