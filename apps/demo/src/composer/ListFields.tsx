/**
 * An interactive list: header, body, footer, the button that opens it, and its sections of rows
 * (id, title, description), with rows and sections added and removed in place.
 */

import { TextField } from '../ui/Field.tsx'
import { type Draft, emptyRow, type ListRowDraft, type ListSectionDraft } from './draft.ts'
import { GroupIssues } from './GroupIssues.tsx'
import { HeaderField, InteractiveTextFields } from './InteractiveTextFields.tsx'

export interface ListFieldsProps {
  readonly draft: Draft
  readonly update: (change: (draft: Draft) => Draft) => void
}

const SECTIONS = 'interactive.action.sections'

export function ListFields({ draft, update }: ListFieldsProps) {
  const list = draft.list
  const set = (patch: Partial<Draft['list']>) =>
    update((current) => ({ ...current, list: { ...current.list, ...patch } }))
  const setSections = (
    change: (sections: readonly ListSectionDraft[]) => readonly ListSectionDraft[],
  ) =>
    update((current) => ({
      ...current,
      list: { ...current.list, sections: change(current.list.sections) },
    }))
  const setSection = (at: number, change: (section: ListSectionDraft) => ListSectionDraft) =>
    setSections((sections) =>
      sections.map((section, index) => (index === at ? change(section) : section)),
    )
  const setRow = (sectionAt: number, rowAt: number, patch: Partial<ListRowDraft>) =>
    setSection(sectionAt, (section) => ({
      ...section,
      rows: section.rows.map((row, index) => (index === rowAt ? { ...row, ...patch } : row)),
    }))

  return (
    <>
      <div className="grid-2">
        <HeaderField value={list.header} onChange={(header) => set({ header })} />
        <TextField
          label="Button"
          path="interactive.action.button"
          hint="Opens the list on the customer’s phone."
          value={list.button}
          onChange={(button) => set({ button })}
        />
      </div>
      <InteractiveTextFields text={list} onChange={set} bodyRows={2} withoutHeader />
      <GroupIssues path={SECTIONS} />
      {list.sections.map((section, sectionAt) => {
        const sectionPath = `${SECTIONS}[${sectionAt}]`
        return (
          <fieldset
            // biome-ignore lint/suspicious/noArrayIndexKey: sections are positional, like their issue paths.
            key={sectionAt}
            className="list-section"
          >
            <legend className="list-section__legend">Section {sectionAt + 1}</legend>
            <div className="list-section__head">
              <TextField
                label="Section title"
                path={`${sectionPath}.title`}
                aside={list.sections.length > 1 ? 'required with 2+ sections' : 'optional'}
                value={section.title}
                onChange={(title) => setSection(sectionAt, (current) => ({ ...current, title }))}
              />
              {list.sections.length > 1 ? (
                <button
                  type="button"
                  className="button button--ghost button--small"
                  onClick={() =>
                    setSections((sections) => sections.filter((_, index) => index !== sectionAt))
                  }
                >
                  Remove section {sectionAt + 1}
                </button>
              ) : null}
            </div>
            <GroupIssues path={sectionPath} />
            <GroupIssues path={`${sectionPath}.rows`} />
            <div className="rows__header" aria-hidden="true">
              <span />
              <span>Row id</span>
              <span>Title</span>
              <span>Description (optional)</span>
              <span />
            </div>
            <ol className="rows">
              {section.rows.map((row, rowAt) => {
                const rowPath = `${sectionPath}.rows[${rowAt}]`
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional, like their issue paths.
                  <li key={rowAt} className="row-editor">
                    <span className="row-editor__number" aria-hidden="true">
                      {rowAt + 1}
                    </span>
                    <TextField
                      label={`Row ${rowAt + 1} id`}
                      labelHidden
                      path={`${rowPath}.id`}
                      placeholder="Row id"
                      spellCheck={false}
                      value={row.id}
                      onChange={(id) => setRow(sectionAt, rowAt, { id })}
                    />
                    <TextField
                      label={`Row ${rowAt + 1} title`}
                      labelHidden
                      path={`${rowPath}.title`}
                      placeholder="Title"
                      value={row.title}
                      onChange={(title) => setRow(sectionAt, rowAt, { title })}
                    />
                    <TextField
                      label={`Row ${rowAt + 1} description`}
                      labelHidden
                      path={`${rowPath}.description`}
                      placeholder="Description (optional)"
                      value={row.description}
                      onChange={(description) => setRow(sectionAt, rowAt, { description })}
                    />
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={`Remove row ${rowAt + 1} of section ${sectionAt + 1}`}
                      title="Remove row"
                      onClick={() =>
                        setSection(sectionAt, (current) => ({
                          ...current,
                          rows: current.rows.filter((_, index) => index !== rowAt),
                        }))
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
              onClick={() =>
                setSection(sectionAt, (current) => ({
                  ...current,
                  rows: [...current.rows, emptyRow()],
                }))
              }
            >
              + Add a row
            </button>
          </fieldset>
        )
      })}
      <button
        type="button"
        className="button button--ghost button--small"
        onClick={() => setSections((sections) => [...sections, { title: '', rows: [emptyRow()] }])}
      >
        + Add a section
      </button>
    </>
  )
}
