import { parse } from 'csv-parse/sync'
import { UsageError } from '../UsageError.ts'
import type { Rows } from './Rows.ts'

/** The template a CSV file sends when it has no `template` / `language` column. */
export interface CsvTemplate {
  readonly template?: string | undefined
  readonly language?: string | undefined
}

const PARAMETER = /^\{\{(\d+)\}\}$/
const NAMED = ['to', 'from', 'template', 'language']

/**
 * A CSV file of template messages, one per row after the header:
 *
 * - `to` (required): the recipient, E.164 (`+628111111111`);
 * - `from` (optional): the sender, when the organisation has several numbers;
 * - `template`, `language` (optional): the template per row; else `--template` / `--language`;
 * - `{{1}}`, `{{2}}` … : the template's body parameters, in order, from `{{1}}` without gaps.
 *
 * Any other column is refused (a typo must not send a half-filled template). An empty `from`,
 * `template` or `language` cell falls back as if the column were absent; an empty parameter is
 * sent as one, which the template rules refuse for that row.
 */
export const readCsvRows = (text: string, defaults: CsvTemplate): Rows => {
  let records: Record<string, string>[]
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((name) => name.trim()),
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
    })
  } catch (error) {
    throw new UsageError(`the CSV file cannot be read: ${(error as Error).message}`)
  }
  const columns = records.length > 0 ? Object.keys(records[0] ?? {}) : headerOf(text)
  const unknown = columns.filter((name) => !NAMED.includes(name) && !PARAMETER.test(name))
  if (unknown.length > 0) {
    throw new UsageError(
      `the CSV file has unknown columns: ${unknown.join(', ')} (known: to, from, template, language, {{1}}, {{2}} …)`,
    )
  }
  if (!columns.includes('to')) throw new UsageError('the CSV file has no "to" column')
  const parameters = columns
    .map((name) => Number(PARAMETER.exec(name)?.[1]))
    .filter((n) => !Number.isNaN(n))
    .sort((a, b) => a - b)
  if (parameters.some((n, i) => n !== i + 1)) {
    throw new UsageError(
      `the CSV parameter columns must run from {{1}} without gaps (got ${parameters.map((n) => `{{${n}}}`).join(', ')})`,
    )
  }
  if (!columns.includes('template') && !defaults.template) {
    throw new UsageError('name the template: --template NAME, or a "template" column')
  }
  if (!columns.includes('language') && !defaults.language) {
    throw new UsageError('name the template language: --language CODE, or a "language" column')
  }
  const bodies = records.map((record) => {
    const cell = (name: string) => record[name] ?? ''
    const texts = parameters.map((n) => cell(`{{${n}}}`))
    return {
      to: cell('to'),
      ...(cell('from') ? { from: cell('from') } : {}),
      type: 'template',
      template: {
        name: cell('template') || defaults.template,
        language: cell('language') || defaults.language,
        ...(texts.length > 0
          ? {
              components: [
                { type: 'body', parameters: texts.map((value) => ({ type: 'text', text: value })) },
              ],
            }
          : {}),
      },
    }
  })
  return { bodies, problems: new Map(), where: (index) => `row ${index + 1}` }
}

const headerOf = (text: string): string[] =>
  (parse(text, { to_line: 1, bom: true })[0] ?? []).map((name: string) => name.trim())
