import { array, type InferInput, literal, optional, pipe, rawCheck } from 'valibot'
import { isRecord, pathTo } from '../../path.ts'
import { count } from '../../rule.ts'
import {
  LIST_BUTTON_MAX,
  LIST_ROWS_MAX,
  LIST_SECTIONS_MAX,
  ROW_DESCRIPTION_MAX,
  ROW_ID_MAX,
  ROW_TITLE_MAX,
  SECTION_TITLE_MAX,
  text,
} from '../../rules.ts'
import { strict } from '../../strict.ts'
import { InteractiveBodySchema, InteractiveFooterSchema, TextHeaderSchema } from './parts.ts'
import { uniqueIds } from './uniqueIds.ts'

/** A list row: `{ id (1–200, unique across sections), title (1–24), description? (≤ 72) }`. */
export const ListRowSchema = /* @__PURE__ */ strict({
  /** Comes back in the customer's `list_reply`; unique across all sections. */
  id: /* @__PURE__ */ text(1, ROW_ID_MAX),
  title: /* @__PURE__ */ text(1, ROW_TITLE_MAX),
  description: /* @__PURE__ */ optional(/* @__PURE__ */ text(0, ROW_DESCRIPTION_MAX)),
})

/** A list section: `{ title? (≤ 24, required when there are 2+ sections), rows }`. */
export const ListSectionSchema = /* @__PURE__ */ strict({
  title: /* @__PURE__ */ optional(/* @__PURE__ */ text(0, SECTION_TITLE_MAX)),
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
    const see = uniqueIds(action, 'row', addIssue)
    let rows = 0
    sections.forEach((section, s) => {
      if (!isRecord(section)) return
      if (sections.length > 1 && section.title === undefined) {
        addIssue({
          message: 'is required when a list has 2 or more sections',
          path: pathTo(action, ['sections', s, 'title']),
        })
      }
      if (!Array.isArray(section.rows)) return
      rows += section.rows.length
      section.rows.forEach((row: unknown, r: number) => {
        if (isRecord(row)) see(row.id, ['sections', s, 'rows', r, 'id'])
      })
    })
    if (rows < 1 || rows > LIST_ROWS_MAX) {
      addIssue({
        message:
          rows < 1
            ? `must have at least 1 row in total (got ${rows})`
            : `must have at most ${LIST_ROWS_MAX} rows in total across sections (got ${rows})`,
        path: pathTo(action, ['sections']),
      })
    }
  })
}

/** The action of a list message: `{ button (1–20), sections (1–10) }`. */
export const ListActionSchema = /* @__PURE__ */ pipe(
  /* @__PURE__ */ strict({
    /** The label of the button that opens the list, 1–20 characters. */
    button: /* @__PURE__ */ text(1, LIST_BUTTON_MAX),
    sections: /* @__PURE__ */ pipe(
      /* @__PURE__ */ array(ListSectionSchema),
      /* @__PURE__ */ count(1, LIST_SECTIONS_MAX, 'section'),
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
