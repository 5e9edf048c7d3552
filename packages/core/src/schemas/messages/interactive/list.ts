import { array, type InferInput, literal, optional, pipe, rawCheck } from 'valibot'
import { describeValue } from '../../describe.ts'
import { formatPath, isRecord, pathTo } from '../../path.ts'
import { count, LIMITS, text } from '../../rules.ts'
import { strict } from '../../strict.ts'
import { InteractiveBodySchema, InteractiveFooterSchema, TextHeaderSchema } from './parts.ts'

// A list action always sits at `interactive.action` of a send body, so "also at" can name the
// first occurrence by its full path while the check runs on the action alone.
const ACTION_PATH = 'interactive.action'

/** A list row: `{ id (1–200, unique across sections), title (1–24), description? (≤ 72) }`. */
export const ListRowSchema = /* @__PURE__ */ strict({
  /** Comes back in the customer's `list_reply`; unique across all sections. */
  id: /* @__PURE__ */ text(1, LIMITS.rowId),
  title: /* @__PURE__ */ text(1, LIMITS.rowTitle),
  description: /* @__PURE__ */ optional(/* @__PURE__ */ text(0, LIMITS.rowDescription)),
})

/** A list section: `{ title? (≤ 24, required when there are 2+ sections), rows }`. */
export const ListSectionSchema = /* @__PURE__ */ strict({
  title: /* @__PURE__ */ optional(/* @__PURE__ */ text(0, LIMITS.sectionTitle)),
  rows: /* @__PURE__ */ array(ListRowSchema),
})

/**
 * The rules that span sections: 1–10 rows in total, a title on every section when there are
 * several, row ids unique across sections. A raw check, so it also runs when a row has an
 * issue of its own: one failed send lists everything to fix.
 */
/* @__NO_SIDE_EFFECTS__ */
function crossSectionRules<TInput>() {
  return rawCheck<TInput>(({ dataset, addIssue }) => {
    const action: unknown = dataset.value
    if (!isRecord(action) || !Array.isArray(action.sections) || action.sections.length === 0) {
      return
    }
    const sections: unknown[] = action.sections
    const firstAt = new Map<string, string>()
    let rowCount = 0
    sections.forEach((section, s) => {
      if (!isRecord(section)) return
      if (sections.length >= 2 && section.title === undefined) {
        addIssue({
          message: 'is required when a list has 2 or more sections',
          path: pathTo(action, ['sections', s, 'title']),
        })
      }
      if (!Array.isArray(section.rows)) return
      const rows: unknown[] = section.rows
      rowCount += rows.length
      rows.forEach((row, r) => {
        if (!isRecord(row) || typeof row.id !== 'string') return
        const first = firstAt.get(row.id)
        if (first === undefined) {
          firstAt.set(row.id, formatPath(['sections', s, 'rows', r, 'id']))
        } else {
          addIssue({
            message: `duplicate row id ${describeValue(row.id)} (also at ${ACTION_PATH}.${first})`,
            path: pathTo(action, ['sections', s, 'rows', r, 'id']),
          })
        }
      })
    })
    if (rowCount < 1) {
      addIssue({
        message: `must have at least 1 row in total (got ${rowCount})`,
        path: pathTo(action, ['sections']),
      })
    } else if (rowCount > LIMITS.listRows) {
      addIssue({
        message: `must have at most ${LIMITS.listRows} rows in total across sections (got ${rowCount})`,
        path: pathTo(action, ['sections']),
      })
    }
  })
}

/** The action of a list message: `{ button (1–20), sections (1–10) }`. */
export const ListActionSchema = /* @__PURE__ */ pipe(
  /* @__PURE__ */ strict({
    /** The label of the button that opens the list, 1–20 characters. */
    button: /* @__PURE__ */ text(1, LIMITS.listButton),
    sections: /* @__PURE__ */ pipe(
      /* @__PURE__ */ array(ListSectionSchema),
      /* @__PURE__ */ count(1, LIMITS.listSections, 'section'),
    ),
  }),
  /* @__PURE__ */ crossSectionRules(),
)

/**
 * A list message: a button that opens up to 10 rows in up to 10 sections. The customer's
 * choice comes back as a `message.received` event carrying the row `id`.
 *
 * @example
 * {
 *   type: 'list',
 *   header: { type: 'text', text: 'Pilih layanan' },
 *   body: { text: 'Layanan apa yang Anda butuhkan?' },
 *   action: {
 *     button: 'Lihat opsi',
 *     sections: [{ title: 'Bantuan', rows: [{ id: 'billing', title: 'Tagihan' }] }],
 *   },
 * }
 */
export const ListInteractiveSchema = /* @__PURE__ */ strict({
  type: /* @__PURE__ */ literal('list'),
  /** Text only, for a list. */
  header: /* @__PURE__ */ optional(TextHeaderSchema),
  body: InteractiveBodySchema,
  footer: /* @__PURE__ */ optional(InteractiveFooterSchema),
  action: ListActionSchema,
})

/** The `interactive` object of a list message. */
export type ListInteractive = InferInput<typeof ListInteractiveSchema>
