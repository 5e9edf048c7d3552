/** A picker of the connected business numbers. */
import type { SelectHTMLAttributes } from 'react'

export interface NumberSelectProps
  extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'children'> {
  readonly numbers: readonly string[]
  readonly value: string | undefined
  readonly onChange: (number: string) => void
}

export function NumberSelect({ numbers, value, onChange, ...select }: NumberSelectProps) {
  return (
    <select
      {...select}
      className="input input--select"
      value={value}
      onChange={(event) => onChange(event.target.value)}
    >
      {numbers.map((number) => (
        <option key={number} value={number}>
          {number}
        </option>
      ))}
    </select>
  )
}
