import type { TemplateCategory, TemplateComponent, TemplateStatus } from '../options.ts'

/** A template as `GET /v1/templates` lists it. */
export interface Template {
  readonly id: string
  readonly object: 'template'
  readonly name: string
  readonly language: string
  readonly status: TemplateStatus
  readonly category: TemplateCategory
  readonly components: readonly TemplateComponent[]
}

/**
 * How many body parameters a send must carry: the number of DISTINCT `{{n}}` placeholders
 * in the BODY component's text.
 */
export function bodyParameterCount(template: Template): number {
  const body = template.components.find((component) => component.type === 'BODY')
  const placeholders = new Set(
    body?.text?.match(/\{\{\s*\d+\s*\}\}/g)?.map((p) => p.replace(/\s/g, '')),
  )
  return placeholders.size
}
