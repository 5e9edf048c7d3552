import { newId } from '../ids/ulid.ts'
import type { TemplateSeed } from '../options.ts'
import { DEFAULT_TEMPLATES } from './seeds.ts'
import type { Template } from './template.ts'

/** The emulator's templates: the given seeds (or the defaults), with ids and defaults filled in. */
export function buildTemplates(
  seeds: readonly TemplateSeed[] | undefined,
  now: number,
): readonly Template[] {
  return (seeds ?? DEFAULT_TEMPLATES).map((seed) => ({
    id: seed.id ?? newId('tmpl', now),
    object: 'template',
    name: seed.name,
    language: seed.language,
    status: seed.status ?? 'approved',
    category: seed.category ?? 'UTILITY',
    components: seed.components ?? [],
  }))
}
