/**
 * A template message: the approved templates from `useTemplates`, a preview of the chosen one, and
 * one input per body placeholder (`templateBodyParameterCount`).
 */
import type { Template } from '@kirim/core'
import { templateBodyParameterCount, useTemplates } from '@kirim/react'
import { type ReactNode, useEffect } from 'react'
import { Field, TextField } from '../ui/Field.tsx'
import { type Draft, EXAMPLE_PARAMETERS, templateKey } from './draft.ts'

export interface TemplateFieldsProps {
  readonly draft: Draft
  readonly update: (change: (draft: Draft) => Draft) => void
}

const DEFAULT_TEMPLATE = 'order_confirmation:id_ID'

/** The draft with `template` chosen and its parameters sized (examples filled in where known). */
function choose(draft: Draft, template: Template | undefined): Draft {
  if (template === undefined) return { ...draft, template: { key: '', parameters: [] } }
  const key = templateKey(template)
  const examples = EXAMPLE_PARAMETERS[key] ?? []
  const parameters = Array.from(
    { length: templateBodyParameterCount(template) },
    (_, index) => examples[index] ?? '',
  )
  return { ...draft, template: { key, parameters } }
}

const componentText = (template: Template, type: string): string | undefined =>
  template.components.find((component) => component.type.toUpperCase() === type)?.text

/** The body text with each `{{n}}` replaced by its parameter, or marked when still empty. */
function fillPlaceholders(text: string, parameters: readonly string[]): ReactNode[] {
  return text.split(/(\{\{\d+\}\})/).map((part, index) => {
    const placeholder = /^\{\{(\d+)\}\}$/.exec(part)
    if (placeholder === null) return part
    const value = parameters[Number(placeholder[1]) - 1]
    return value ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string, in order.
      <mark key={index} className="placeholder placeholder--filled">
        {value}
      </mark>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string, in order.
      <mark key={index} className="placeholder">
        {part}
      </mark>
    )
  })
}

export function TemplateFields({ draft, update }: TemplateFieldsProps) {
  const templates = useTemplates()
  const list = templates.data ?? []
  const chosen = list.find((template) => templateKey(template) === draft.template.key)

  // Once the list arrives, start from the guide's example template.
  useEffect(() => {
    if (draft.template.key !== '' || list.length === 0) return
    const preferred = list.find((template) => templateKey(template) === DEFAULT_TEMPLATE) ?? list[0]
    update((current) => (current.template.key === '' ? choose(current, preferred) : current))
  }, [draft.template.key, list, update])

  const body = chosen === undefined ? undefined : componentText(chosen, 'BODY')
  const header = chosen === undefined ? undefined : componentText(chosen, 'HEADER')
  const footer = chosen === undefined ? undefined : componentText(chosen, 'FOOTER')

  return (
    <>
      <Field
        label="Template"
        path="template.name"
        alsoPaths={['template.language', 'template']}
        hint={
          templates.isError
            ? `Could not load templates: ${templates.error.message}`
            : 'Approved templates of your organisation (GET /v1/templates). They work outside the 24-hour window.'
        }
      >
        {(control) => (
          <select
            {...control}
            className="input input--select"
            disabled={templates.isPending}
            value={draft.template.key}
            onChange={(event) =>
              update((current) =>
                choose(
                  current,
                  list.find((template) => templateKey(template) === event.target.value),
                ),
              )
            }
          >
            {templates.isPending ? <option value="">Loading templates…</option> : null}
            {!templates.isPending && chosen === undefined ? (
              <option value="">Choose a template</option>
            ) : null}
            {list.map((template) => (
              <option key={template.id} value={templateKey(template)}>
                {template.name} · {template.language} · {template.category.toLowerCase()}
              </option>
            ))}
          </select>
        )}
      </Field>
      {chosen === undefined ? null : (
        <figure className="template-preview" aria-label={`Preview of ${chosen.name}`}>
          {header ? <p className="template-preview__header">{header}</p> : null}
          <p className="template-preview__body">
            {body ? fillPlaceholders(body, draft.template.parameters) : <em>No body text.</em>}
          </p>
          {footer ? <p className="template-preview__footer">{footer}</p> : null}
        </figure>
      )}
      {draft.template.parameters.length === 0 ? (
        chosen === undefined ? null : (
          <p className="muted">This template has no body parameters.</p>
        )
      ) : (
        <div className="grid-2">
          {draft.template.parameters.map((value, index) => (
            <TextField
              // biome-ignore lint/suspicious/noArrayIndexKey: parameters are positional ({{1}}, {{2}} …).
              key={index}
              label={`Parameter {{${index + 1}}}`}
              path={`template.components[0].parameters[${index}].text`}
              value={value}
              onChange={(text) =>
                update((current) => ({
                  ...current,
                  template: {
                    ...current.template,
                    parameters: current.template.parameters.map((old, at) =>
                      at === index ? text : old,
                    ),
                  },
                }))
              }
            />
          ))}
        </div>
      )}
    </>
  )
}
