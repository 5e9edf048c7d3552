import type { TemplateListParams } from '@kirim/core'

/**
 * Which templates to list: `status` (`approved` unless you say otherwise; `'all'` for every
 * status), `language`, `name`, and `limit` (the page size, 1–100).
 *
 * @example { language: 'id_ID' }          // the approved id_ID templates
 * @example { status: 'all', name: 'otp' }  // the `otp` templates, whatever their status
 */
export type TemplatesParams = Omit<TemplateListParams, 'cursor' | 'status'> & {
  /**
   * Only templates with this status; `'all'` for every status.
   *
   * @default 'approved' (the ones that can be sent)
   */
  readonly status?: TemplateListParams['status'] | 'all' | undefined
}
