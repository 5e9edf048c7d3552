import { ApiError, invalidField, missingField } from '../errors/api-error.ts'
import {
  asObject,
  asString,
  child,
  httpsUrl,
  isObject,
  item,
  type JsonObject,
  onlyFields,
  requiredArray,
  requiredEnum,
  requiredObject,
  requiredString,
  uniqueIds,
} from './fields.ts'
import { FIELDS, LIMITS, PATTERNS } from './limits.ts'

/** What the send needs from a valid template payload. */
export interface TemplateRequest {
  readonly name: string
  readonly language: string
  /** How many body parameters were sent. */
  readonly bodyParameters: number
  /** Header media links, checked for reachability like media messages. */
  readonly mediaUrls: readonly string[]
}

/** The component types of a send, and the parameter types each takes (Meta's shape). */
export const COMPONENT_TYPES = ['header', 'body', 'button'] as const
export const HEADER_PARAMETER_TYPES = ['text', 'image', 'video', 'document'] as const
export const BODY_PARAMETER_TYPES = ['text', 'currency', 'date_time'] as const
export const BUTTON_SUB_TYPES = ['quick_reply', 'url', 'copy_code'] as const
/** `coupon_code` is Meta's parameter of a `copy_code` button. */
export const BUTTON_PARAMETER_TYPES = ['payload', 'text', 'coupon_code'] as const

function language(template: JsonObject): string {
  const path = 'template.language'
  const value = template.language
  if (value === undefined) return requiredString(template, 'language', 'template')
  if (typeof value === 'string') {
    if (!PATTERNS.languageCode.test(value)) {
      throw invalidField(
        path,
        `${path} must be a language code such as "id_ID" or "en_US" (got "${value}").`,
      )
    }
    return value
  }
  if (!isObject(value)) {
    throw invalidField(path, `${path} must be a language code string or { code, policy? }.`)
  }
  onlyFields(value, path, FIELDS.templateLanguage)
  const code = requiredString(value, 'code', path)
  if (!PATTERNS.languageCode.test(code)) {
    throw invalidField(
      `${path}.code`,
      `${path}.code must be a language code such as "id_ID" (got "${code}").`,
    )
  }
  if (value.policy !== undefined) requiredEnum(value, 'policy', path, ['deterministic'])
  return code
}

/** Header media: a `link` (https) or an `id` (non-empty), never both. Returns the link. */
function headerMedia(media: JsonObject, path: string): string | undefined {
  const link = child(path, 'link')
  const id = child(path, 'id')
  if (media.link === undefined && media.id === undefined) {
    throw new ApiError({
      code: 'missing_required_field',
      param: link,
      message: `${link} (or ${id}) is required.`,
    })
  }
  if (media.link !== undefined && media.id !== undefined) {
    throw invalidField(id, `${path} takes a link or an id, never both.`)
  }
  if (media.link !== undefined) return httpsUrl(media.link, link)
  asString(media.id, id, LIMITS.nonEmpty)
  return undefined
}

/** Header parameters: exactly one, text or media. Returns the media link, if any. */
function headerParameter(component: JsonObject, path: string): string | undefined {
  const parametersPath = child(path, 'parameters')
  const parameters = requiredArray(component, 'parameters', path, LIMITS.headerParameters)
  const parameterPath = item(parametersPath, 0)
  const parameter = asObject(parameters[0], parameterPath)
  const type = requiredEnum(parameter, 'type', parameterPath, HEADER_PARAMETER_TYPES)
  if (type === 'text') {
    requiredString(parameter, 'text', parameterPath, LIMITS.nonEmpty)
    return undefined
  }
  return headerMedia(requiredObject(parameter, type, parameterPath), child(parameterPath, type))
}

function bodyParameter(value: unknown, path: string): void {
  const parameter = asObject(value, path)
  const type = requiredEnum(parameter, 'type', path, BODY_PARAMETER_TYPES)
  if (type === 'text') {
    requiredString(parameter, 'text', path, LIMITS.nonEmpty)
  } else if (type === 'currency') {
    const currency = requiredObject(parameter, 'currency', path)
    const currencyPath = child(path, 'currency')
    requiredString(currency, 'fallback_value', currencyPath, LIMITS.nonEmpty)
    const code = requiredString(currency, 'code', currencyPath)
    if (!PATTERNS.currencyCode.test(code)) {
      throw invalidField(
        child(currencyPath, 'code'),
        `${child(currencyPath, 'code')} must be an ISO 4217 code of three upper-case letters such as "IDR" (got "${code}").`,
      )
    }
    const amountPath = child(currencyPath, 'amount_1000')
    if (currency.amount_1000 === undefined) throw missingField(amountPath)
    if (typeof currency.amount_1000 !== 'number' || !Number.isInteger(currency.amount_1000)) {
      throw invalidField(amountPath, `${amountPath} must be an integer (the amount × 1000).`)
    }
  } else {
    const dateTime = requiredObject(parameter, 'date_time', path)
    requiredString(dateTime, 'fallback_value', child(path, 'date_time'), LIMITS.nonEmpty)
  }
}

/** A button component: sub_type, a string `index` "0"–"9", exactly one non-empty parameter. */
function buttonComponent(component: JsonObject, path: string): string {
  requiredEnum(component, 'sub_type', path, BUTTON_SUB_TYPES)
  const indexPath = child(path, 'index')
  if (component.index === undefined) requiredString(component, 'index', path)
  if (typeof component.index !== 'string') {
    throw invalidField(
      indexPath,
      `${indexPath} must be a string such as "0" (got ${typeof component.index}).`,
    )
  }
  if (!PATTERNS.buttonIndex.test(component.index)) {
    throw invalidField(indexPath, `${indexPath} must be "0" to "9" (got "${component.index}").`)
  }
  const parameterPath = item(child(path, 'parameters'), 0)
  const [value] = requiredArray(component, 'parameters', path, LIMITS.buttonParameters)
  const parameter = asObject(value, parameterPath)
  const type = requiredEnum(parameter, 'type', parameterPath, BUTTON_PARAMETER_TYPES)
  requiredString(parameter, type, parameterPath, LIMITS.nonEmpty)
  return component.index
}

/**
 * `template` payloads: name (Meta's rule), language, components in Meta's shape (their
 * documented fields checked, unknown keys passed through): at most one header and one body,
 * buttons with unique indexes.
 */
export function validateTemplate(body: JsonObject): TemplateRequest {
  const template = requiredObject(body, 'template', '')
  onlyFields(template, 'template', FIELDS.template)
  const name = requiredString(template, 'name', 'template')
  if (!PATTERNS.templateName.test(name)) {
    throw new ApiError({
      code: 'invalid_template_name',
      param: 'template.name',
      message: `template.name must be 1–512 lowercase letters, digits or underscores (got "${name}").`,
    })
  }
  const code = language(template)
  let bodyParameters = 0
  const mediaUrls: string[] = []
  if (template.components !== undefined) {
    const componentsPath = 'template.components'
    const components = requiredArray(template, 'components', 'template')
    const seen = new Set<string>()
    const indexes: { id: string; path: string }[] = []
    components.forEach((value, c) => {
      const path = item(componentsPath, c)
      const component = asObject(value, path)
      const type = requiredEnum(component, 'type', path, COMPONENT_TYPES)
      if (type === 'button') {
        indexes.push({ id: buttonComponent(component, path), path: child(path, 'index') })
        return
      }
      if (seen.has(type))
        throw invalidField(
          child(path, 'type'),
          `${child(path, 'type')}: a template takes at most one ${type} component.`,
        )
      seen.add(type)
      if (type === 'header') {
        const link = headerParameter(component, path)
        if (link !== undefined) mediaUrls.push(link)
        return
      }
      // A body without parameters is a template without variables.
      if (component.parameters === undefined) return
      const parametersPath = child(path, 'parameters')
      const parameters = requiredArray(component, 'parameters', path)
      for (const [p, parameter] of parameters.entries())
        bodyParameter(parameter, item(parametersPath, p))
      bodyParameters = parameters.length
    })
    uniqueIds(indexes)
  }
  return { name, language: code, bodyParameters, mediaUrls }
}
