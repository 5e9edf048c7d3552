/**
 * The sender (`from`) and the recipient (`to`), with the emulator's test recipients as quick
 * picks. Under `to`: what the page knows of the 24-hour window with that customer, then what
 * the test recipient does.
 */
import type { DemoPageConfig, ReceivedEntry } from '../../shared/protocol.ts'
import { useWindowView } from '../conversations/useWindowView.ts'
import { WindowNote } from '../conversations/WindowNote.tsx'
import { Field, TextField } from '../ui/Field.tsx'
import { NumberSelect } from '../ui/NumberSelect.tsx'
import type { Draft } from './draft.ts'

export interface AddressFieldsProps {
  readonly draft: Draft
  readonly update: (change: (draft: Draft) => Draft) => void
  readonly config: DemoPageConfig
  /** This session's customer messages. */
  readonly received: readonly ReceivedEntry[]
}

export function AddressFields({ draft, update, config, received }: AddressFieldsProps) {
  const { numbers, testRecipients } = config
  const to = draft.to.trim()
  const from = draft.from.trim() === '' ? undefined : draft.from.trim()
  const picked = testRecipients.find((recipient) => recipient.number === to)
  const window = useWindowView({ config, customer: to, business: from, received })
  return (
    <div className="address">
      {numbers.length > 0 ? (
        <Field
          label="From"
          path="from"
          hint={
            numbers.length > 1
              ? 'Your organisation has several numbers: pick the sender.'
              : undefined
          }
        >
          {(control) => (
            <NumberSelect
              {...control}
              numbers={numbers}
              value={draft.from}
              onChange={(from) => update((current) => ({ ...current, from }))}
            />
          )}
        </Field>
      ) : (
        <TextField
          label="From"
          path="from"
          aside="optional"
          type="tel"
          inputMode="tel"
          placeholder="+628…"
          hint="Leave empty when your organisation has one number."
          value={draft.from}
          onChange={(from) => update((current) => ({ ...current, from }))}
        />
      )}
      <div className="address__to">
        <TextField
          label="To"
          path="to"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          placeholder="+628111111111"
          hint={
            <>
              <WindowNote view={window} customer={to} business={from} />
              <span className="field__hint-line">
                {picked?.hint ?? 'The customer’s number in E.164 format, with the leading +.'}
              </span>
            </>
          }
          value={draft.to}
          onChange={(to) => update((current) => ({ ...current, to }))}
        />
        {testRecipients.length > 0 ? (
          <fieldset className="quick-picks">
            <legend className="quick-picks__legend">Test recipients</legend>
            {testRecipients.map((recipient) => (
              <button
                key={recipient.number}
                type="button"
                className="quick-pick"
                aria-pressed={recipient === picked}
                title={`${recipient.number}: ${recipient.hint}`}
                onClick={() => update((current) => ({ ...current, to: recipient.number }))}
              >
                <span className="quick-pick__label">{recipient.label}</span>
                <span className="quick-pick__number">{recipient.number}</span>
              </button>
            ))}
          </fieldset>
        ) : null}
      </div>
    </div>
  )
}
