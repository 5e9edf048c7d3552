import { invalidField } from '../errors/api-error.ts'
import {
  asObject,
  child,
  httpsUrl,
  item,
  type JsonObject,
  optionalObject,
  optionalString,
  requiredArray,
  requiredEnum,
  requiredObject,
  requiredString,
  uniqueIds,
} from './fields.ts'

/** The interactive kinds of kirim-api.md. */
export type InteractiveKind = 'cta_url' | 'list' | 'button'

const PATH = 'interactive'

/** Header: text (1–60) always; image/video/document `{ url }` unless a list. */
function validateHeader(interactive: JsonObject, kind: InteractiveKind): string | undefined {
  const header = optionalObject(interactive, 'header', PATH)
  if (header === undefined) return undefined
  const path = child(PATH, 'header')
  const allowed =
    kind === 'list' ? (['text'] as const) : (['text', 'image', 'video', 'document'] as const)
  const type = requiredEnum(header, 'type', path, allowed)
  if (type === 'text') {
    requiredString(header, 'text', path, { min: 1, max: 60 })
    return undefined
  }
  const media = requiredObject(header, type, path)
  return httpsUrl(media.url, child(child(path, type), 'url'))
}

function validateCommon(interactive: JsonObject): void {
  const body = requiredObject(interactive, 'body', PATH)
  requiredString(body, 'text', child(PATH, 'body'), { min: 1, max: 1024 })
  const footer = optionalObject(interactive, 'footer', PATH)
  if (footer !== undefined)
    requiredString(footer, 'text', child(PATH, 'footer'), { min: 1, max: 60 })
}

function validateCtaUrl(action: JsonObject, path: string): void {
  const name = requiredString(action, 'name', path)
  if (name !== 'cta_url') {
    throw invalidField(
      child(path, 'name'),
      `${child(path, 'name')} must be "cta_url" (got "${name}").`,
    )
  }
  const parameters = requiredObject(action, 'parameters', path)
  const parametersPath = child(path, 'parameters')
  requiredString(parameters, 'display_text', parametersPath, { min: 1, max: 20 })
  httpsUrl(parameters.url, child(parametersPath, 'url'))
}

function validateList(action: JsonObject, path: string): void {
  requiredString(action, 'button', path, { min: 1, max: 20 })
  const sectionsPath = child(path, 'sections')
  const sections = requiredArray(action, 'sections', path, { min: 1, max: 10 })
  const ids: { id: string; path: string }[] = []
  sections.forEach((value, s) => {
    const sectionPath = item(sectionsPath, s)
    const section = asObject(value, sectionPath)
    // Meta requires a title on every section once there are two or more.
    if (sections.length > 1) requiredString(section, 'title', sectionPath, { min: 1, max: 24 })
    else optionalString(section, 'title', sectionPath, { max: 24 })
    const rowsPath = child(sectionPath, 'rows')
    const rows = requiredArray(section, 'rows', sectionPath, { min: 1 })
    rows.forEach((rowValue, r) => {
      const rowPath = item(rowsPath, r)
      const row = asObject(rowValue, rowPath)
      const id = requiredString(row, 'id', rowPath, { min: 1, max: 200 })
      requiredString(row, 'title', rowPath, { min: 1, max: 24 })
      optionalString(row, 'description', rowPath, { max: 72 })
      ids.push({ id, path: child(rowPath, 'id') })
    })
  })
  if (ids.length > 10) {
    throw invalidField(
      sectionsPath,
      `${sectionsPath} must hold at most 10 rows in total across its sections (got ${ids.length}).`,
    )
  }
  uniqueIds(ids)
}

function validateButtons(action: JsonObject, path: string): void {
  const buttonsPath = child(path, 'buttons')
  const buttons = requiredArray(action, 'buttons', path, { min: 1, max: 3 })
  const ids: { id: string; path: string }[] = []
  buttons.forEach((value, b) => {
    const buttonPath = item(buttonsPath, b)
    const button = asObject(value, buttonPath)
    requiredEnum(button, 'type', buttonPath, ['reply'])
    const reply = requiredObject(button, 'reply', buttonPath)
    const replyPath = child(buttonPath, 'reply')
    const id = requiredString(reply, 'id', replyPath, { min: 1, max: 256 })
    requiredString(reply, 'title', replyPath, { min: 1, max: 20 })
    ids.push({ id, path: child(replyPath, 'id') })
  })
  uniqueIds(ids)
}

/** `interactive` payloads; returns the header media URL, if any. */
export function validateInteractive(body: JsonObject): { mediaUrl: string | undefined } {
  const interactive = requiredObject(body, 'interactive', '')
  const kind = requiredEnum(interactive, 'type', PATH, ['cta_url', 'list', 'button'])
  const mediaUrl = validateHeader(interactive, kind)
  validateCommon(interactive)
  const action = requiredObject(interactive, 'action', PATH)
  const actionPath = child(PATH, 'action')
  if (kind === 'cta_url') validateCtaUrl(action, actionPath)
  else if (kind === 'list') validateList(action, actionPath)
  else validateButtons(action, actionPath)
  return { mediaUrl }
}
