import { invalidField } from '../errors/api-error.ts'
import {
  asObject,
  child,
  httpsUrl,
  item,
  type JsonObject,
  onlyFields,
  optionalObject,
  optionalString,
  requiredArray,
  requiredEnum,
  requiredObject,
  requiredString,
  uniqueIds,
} from './fields.ts'
import { FIELDS, INTERACTIVE_TYPES, LIMITS } from './limits.ts'

/** The interactive kinds of kirim-api.md. */
export type InteractiveKind = (typeof INTERACTIVE_TYPES)[number]

const PATH = 'interactive'

/** The header types of each kind: a list's header is text only. */
export const HEADER_TYPES = {
  cta_url: ['text', 'image', 'video', 'document'],
  list: ['text'],
  button: ['text', 'image', 'video', 'document'],
} as const satisfies Record<InteractiveKind, readonly string[]>

/** Header: text (1–60), or image/video/document `{ url }` where the kind allows media. */
function validateHeader(interactive: JsonObject, kind: InteractiveKind): string | undefined {
  const header = optionalObject(interactive, 'header', PATH)
  if (header === undefined) return undefined
  const path = child(PATH, 'header')
  const type = requiredEnum(header, 'type', path, HEADER_TYPES[kind])
  onlyFields(header, path, [...FIELDS.interactiveHeader, type])
  if (type === 'text') {
    requiredString(header, 'text', path, LIMITS.headerText)
    return undefined
  }
  const media = requiredObject(header, type, path)
  const mediaPath = child(path, type)
  onlyFields(media, mediaPath, FIELDS.interactiveHeaderMedia)
  return httpsUrl(media.url, child(mediaPath, 'url'))
}

function validateCommon(interactive: JsonObject): void {
  const body = requiredObject(interactive, 'body', PATH)
  const bodyPath = child(PATH, 'body')
  onlyFields(body, bodyPath, FIELDS.interactiveBody)
  requiredString(body, 'text', bodyPath, LIMITS.interactiveBody)
  const footer = optionalObject(interactive, 'footer', PATH)
  if (footer === undefined) return
  const footerPath = child(PATH, 'footer')
  onlyFields(footer, footerPath, FIELDS.interactiveFooter)
  requiredString(footer, 'text', footerPath, LIMITS.footerText)
}

function validateCtaUrl(action: JsonObject, path: string): void {
  onlyFields(action, path, FIELDS.ctaAction)
  const name = requiredString(action, 'name', path)
  if (name !== 'cta_url') {
    throw invalidField(
      child(path, 'name'),
      `${child(path, 'name')} must be "cta_url" (got "${name}").`,
    )
  }
  const parameters = requiredObject(action, 'parameters', path)
  const parametersPath = child(path, 'parameters')
  onlyFields(parameters, parametersPath, FIELDS.ctaParameters)
  requiredString(parameters, 'display_text', parametersPath, LIMITS.ctaDisplayText)
  httpsUrl(parameters.url, child(parametersPath, 'url'))
}

function validateList(action: JsonObject, path: string): void {
  onlyFields(action, path, FIELDS.listAction)
  requiredString(action, 'button', path, LIMITS.listButton)
  const sectionsPath = child(path, 'sections')
  const sections = requiredArray(action, 'sections', path, LIMITS.listSections)
  const ids: { id: string; path: string }[] = []
  sections.forEach((value, s) => {
    const sectionPath = item(sectionsPath, s)
    const section = asObject(value, sectionPath)
    onlyFields(section, sectionPath, FIELDS.listSection)
    // Meta requires a title on every section once there are two or more.
    if (sections.length > 1) requiredString(section, 'title', sectionPath, LIMITS.sectionTitle)
    else optionalString(section, 'title', sectionPath, LIMITS.onlySectionTitle)
    const rowsPath = child(sectionPath, 'rows')
    const rows = requiredArray(section, 'rows', sectionPath, LIMITS.sectionRows)
    rows.forEach((rowValue, r) => {
      const rowPath = item(rowsPath, r)
      const row = asObject(rowValue, rowPath)
      onlyFields(row, rowPath, FIELDS.listRow)
      const id = requiredString(row, 'id', rowPath, LIMITS.rowId)
      requiredString(row, 'title', rowPath, LIMITS.rowTitle)
      optionalString(row, 'description', rowPath, LIMITS.rowDescription)
      ids.push({ id, path: child(rowPath, 'id') })
    })
  })
  if (ids.length > LIMITS.listRows.max) {
    throw invalidField(
      sectionsPath,
      `${sectionsPath} must hold at most ${LIMITS.listRows.max} rows in total across its sections (got ${ids.length}).`,
    )
  }
  uniqueIds(ids)
}

function validateButtons(action: JsonObject, path: string): void {
  onlyFields(action, path, FIELDS.buttonAction)
  const buttonsPath = child(path, 'buttons')
  const buttons = requiredArray(action, 'buttons', path, LIMITS.replyButtons)
  const ids: { id: string; path: string }[] = []
  buttons.forEach((value, b) => {
    const buttonPath = item(buttonsPath, b)
    const button = asObject(value, buttonPath)
    requiredEnum(button, 'type', buttonPath, ['reply'])
    onlyFields(button, buttonPath, FIELDS.replyButton)
    const reply = requiredObject(button, 'reply', buttonPath)
    const replyPath = child(buttonPath, 'reply')
    onlyFields(reply, replyPath, FIELDS.reply)
    const id = requiredString(reply, 'id', replyPath, LIMITS.replyId)
    requiredString(reply, 'title', replyPath, LIMITS.replyTitle)
    ids.push({ id, path: child(replyPath, 'id') })
  })
  uniqueIds(ids)
}

/** `interactive` payloads; returns the header media URL, if any. */
export function validateInteractive(body: JsonObject): { mediaUrl: string | undefined } {
  const interactive = requiredObject(body, 'interactive', '')
  const kind = requiredEnum(interactive, 'type', PATH, INTERACTIVE_TYPES)
  onlyFields(interactive, PATH, FIELDS.interactive)
  const mediaUrl = validateHeader(interactive, kind)
  validateCommon(interactive)
  const action = requiredObject(interactive, 'action', PATH)
  const actionPath = child(PATH, 'action')
  if (kind === 'cta_url') validateCtaUrl(action, actionPath)
  else if (kind === 'list') validateList(action, actionPath)
  else validateButtons(action, actionPath)
  return { mediaUrl }
}
