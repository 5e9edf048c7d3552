import { ApiError, invalidField } from '../errors/api-error.ts'
import {
  asObject,
  asString,
  child,
  httpsUrl,
  isObject,
  item,
  type JsonObject,
  requiredArray,
  requiredEnum,
  requiredObject,
  requiredString,
} from './fields.ts'

const TEMPLATE_NAME = /^[a-z0-9_]{1,512}$/
/** `id_ID`, `en_US`, `en`, `pt_BR`, `fil`. */
export const LANGUAGE_CODE = /^[a-z]{2,3}(_[A-Z]{2,4})?$/

/** What the send needs from a valid template payload. */
export interface TemplateRequest {
  readonly name: string
  readonly language: string
  /** How many body parameters were sent. */
  readonly bodyParameters: number
  /** Header media links, checked for reachability like media messages. */
  readonly mediaUrls: readonly string[]
}

function language(template: JsonObject): string {
  const path = 'template.language'
  const value = template.language
  if (value === undefined) return requiredString(template, 'language', 'template')
  if (typeof value === 'string') {
    if (!LANGUAGE_CODE.test(value)) {
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
  const code = requiredString(value, 'code', path)
  if (!LANGUAGE_CODE.test(code)) {
    throw invalidField(
      `${path}.code`,
      `${path}.code must be a language code such as "id_ID" (got "${code}").`,
    )
  }
  if (value.policy !== undefined) requiredEnum(value, 'policy', path, ['deterministic'])
  return code
}

/** Header parameters: exactly one, text or media. Returns the media link, if any. */
function headerParameter(parameters: unknown[], path: string): string | undefined {
  if (parameters.length !== 1) {
    throw invalidField(path, `${path} must hold exactly 1 parameter (got ${parameters.length}).`)
  }
  const parameterPath = item(path, 0)
  const parameter = asObject(parameters[0], parameterPath)
  const type = requiredEnum(parameter, 'type', parameterPath, [
    'text',
    'image',
    'video',
    'document',
  ])
  if (type === 'text') {
    requiredString(parameter, 'text', parameterPath, { min: 1 })
    return undefined
  }
  const media = requiredObject(parameter, type, parameterPath)
  const mediaPath = child(parameterPath, type)
  if (media.link === undefined && media.id === undefined) {
    throw new ApiError({
      status: 400,
      type: 'invalid_request_error',
      code: 'missing_required_field',
      param: child(mediaPath, 'link'),
      message: `${child(mediaPath, 'link')} (or ${child(mediaPath, 'id')}) is required.`,
    })
  }
  if (media.link !== undefined) return httpsUrl(media.link, child(mediaPath, 'link'))
  asString(media.id, child(mediaPath, 'id'), { min: 1 })
  return undefined
}

function bodyParameter(value: unknown, path: string): void {
  const parameter = asObject(value, path)
  const type = requiredEnum(parameter, 'type', path, ['text', 'currency', 'date_time'])
  if (type === 'text') {
    requiredString(parameter, 'text', path, { min: 1 })
  } else if (type === 'currency') {
    const currency = requiredObject(parameter, 'currency', path)
    const currencyPath = child(path, 'currency')
    requiredString(currency, 'fallback_value', currencyPath, { min: 1 })
    requiredString(currency, 'code', currencyPath, { min: 3, max: 3 })
    if (typeof currency.amount_1000 !== 'number' || !Number.isInteger(currency.amount_1000)) {
      throw invalidField(
        child(currencyPath, 'amount_1000'),
        `${child(currencyPath, 'amount_1000')} must be an integer.`,
      )
    }
  } else {
    const dateTime = requiredObject(parameter, 'date_time', path)
    requiredString(dateTime, 'fallback_value', child(path, 'date_time'), { min: 1 })
  }
}

function buttonComponent(component: JsonObject, path: string): void {
  requiredEnum(component, 'sub_type', path, ['quick_reply', 'url', 'copy_code'])
  const indexPath = child(path, 'index')
  if (component.index === undefined) requiredString(component, 'index', path)
  if (typeof component.index !== 'string') {
    throw invalidField(
      indexPath,
      `${indexPath} must be a string such as "0" (got ${typeof component.index}).`,
    )
  }
  if (!/^\d$/.test(component.index)) {
    throw invalidField(indexPath, `${indexPath} must be "0" to "9" (got "${component.index}").`)
  }
  const parametersPath = child(path, 'parameters')
  const parameters = requiredArray(component, 'parameters', path, { min: 1 })
  parameters.forEach((value, p) => {
    const parameterPath = item(parametersPath, p)
    const parameter = asObject(value, parameterPath)
    const type = requiredEnum(parameter, 'type', parameterPath, ['payload', 'text', 'coupon_code'])
    requiredString(parameter, type, parameterPath, { min: 1 })
  })
}

/** `template` payloads: name (Meta's rule), language, components in Meta's shape. */
export function validateTemplate(body: JsonObject): TemplateRequest {
  const template = requiredObject(body, 'template', '')
  const name = requiredString(template, 'name', 'template')
  if (!TEMPLATE_NAME.test(name)) {
    throw new ApiError({
      status: 400,
      type: 'invalid_request_error',
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
    components.forEach((value, c) => {
      const path = item(componentsPath, c)
      const component = asObject(value, path)
      const type = requiredEnum(component, 'type', path, ['header', 'body', 'button'])
      if (type !== 'button') {
        if (seen.has(type))
          throw invalidField(
            child(path, 'type'),
            `${child(path, 'type')}: a template takes at most one ${type} component.`,
          )
        seen.add(type)
      }
      if (type === 'button') {
        buttonComponent(component, path)
        return
      }
      const parametersPath = child(path, 'parameters')
      if (component.parameters === undefined && type === 'body') return
      const parameters = requiredArray(component, 'parameters', path)
      if (type === 'header') {
        const link = headerParameter(parameters, parametersPath)
        if (link !== undefined) mediaUrls.push(link)
        return
      }
      for (const [p, parameter] of parameters.entries())
        bodyParameter(parameter, item(parametersPath, p))
      bodyParameters = parameters.length
    })
  }
  return { name, language: code, bodyParameters, mediaUrls }
}
