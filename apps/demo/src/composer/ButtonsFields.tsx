/**
 * An interactive reply-button message: header, body, footer and its buttons (id, title), added
 * and removed in place. WhatsApp takes 1 to 3; the composer lets you add more so that the check
 * of `@kirim/core` says so on the field, before anything is sent.
 */
import { TextField } from '../ui/Field.tsx'
import { type Draft, emptyButton, type ReplyButtonDraft } from './draft.ts'
import { GroupIssues } from './GroupIssues.tsx'
import { InteractiveTextFields } from './InteractiveTextFields.tsx'

export interface ButtonsFieldsProps {
  readonly draft: Draft
  readonly update: (change: (draft: Draft) => Draft) => void
}

const BUTTONS = 'interactive.action.buttons'

export function ButtonsFields({ draft, update }: ButtonsFieldsProps) {
  const message = draft.buttons
  const set = (patch: Partial<Draft['buttons']>) =>
    update((current) => ({ ...current, buttons: { ...current.buttons, ...patch } }))
  const setButtons = (
    change: (buttons: readonly ReplyButtonDraft[]) => readonly ReplyButtonDraft[],
  ) =>
    update((current) => ({
      ...current,
      buttons: { ...current.buttons, buttons: change(current.buttons.buttons) },
    }))
  const setButton = (at: number, patch: Partial<ReplyButtonDraft>) =>
    setButtons((buttons) =>
      buttons.map((button, index) => (index === at ? { ...button, ...patch } : button)),
    )

  return (
    <>
      <InteractiveTextFields text={message} onChange={set} bodyRows={2} />
      <fieldset className="list-section">
        <legend className="list-section__legend">Reply buttons (1 to 3)</legend>
        <GroupIssues path={BUTTONS} />
        <div className="rows__header rows__header--buttons" aria-hidden="true">
          <span />
          <span>Button id</span>
          <span>Title</span>
          <span />
        </div>
        <ol className="rows">
          {message.buttons.map((button, at) => {
            const path = `${BUTTONS}[${at}].reply`
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: buttons are positional, like their issue paths.
              <li key={at} className="row-editor row-editor--buttons">
                <span className="row-editor__number" aria-hidden="true">
                  {at + 1}
                </span>
                <TextField
                  label={`Button ${at + 1} id`}
                  labelHidden
                  path={`${path}.id`}
                  placeholder="Button id"
                  spellCheck={false}
                  value={button.id}
                  onChange={(id) => setButton(at, { id })}
                />
                <TextField
                  label={`Button ${at + 1} title`}
                  labelHidden
                  path={`${path}.title`}
                  placeholder="Title"
                  value={button.title}
                  onChange={(title) => setButton(at, { title })}
                />
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove button ${at + 1}`}
                  title="Remove button"
                  onClick={() =>
                    setButtons((buttons) => buttons.filter((_, index) => index !== at))
                  }
                >
                  ×
                </button>
              </li>
            )
          })}
        </ol>
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => setButtons((buttons) => [...buttons, emptyButton()])}
        >
          + Add a button
        </button>
      </fieldset>
    </>
  )
}
