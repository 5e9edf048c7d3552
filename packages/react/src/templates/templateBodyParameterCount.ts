import type { Template } from '@kirim/core'

const PLACEHOLDER = /\{\{(\d+)\}\}/g

/**
 * How many body parameters a template needs when sent: the distinct `{{n}}` placeholders in the
 * text of its `BODY` component (0 when it has none, or no body). Send exactly that many `text`
 * parameters in the `body` component, or the message fails with
 * `template_param_count_mismatch`.
 *
 * @example
 * // BODY text: "Halo {{1}}, pesanan {{2}} sudah dikirim."
 * templateBodyParameterCount(orderConfirmation) // 2
 */
export function templateBodyParameterCount(template: Pick<Template, 'components'>): number {
  const body = template.components.find((component) => component.type.toUpperCase() === 'BODY')
  if (body?.text === undefined) return 0
  return new Set(Array.from(body.text.matchAll(PLACEHOLDER), (match) => match[1])).size
}
