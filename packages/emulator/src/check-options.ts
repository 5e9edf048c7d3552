import type { EmulatorOptions } from './options.ts'
import { isE164 } from './validation/fields.ts'

const fail = (message: string): never => {
  throw new TypeError(`createEmulator: ${message}`)
}

const checkNumbers = (numbers: readonly string[] | undefined, where: string) => {
  for (const number of numbers ?? []) {
    if (typeof number !== 'string' || !isE164(number))
      fail(`${where} must hold E.164 numbers such as "+628511760008029" (got "${String(number)}").`)
  }
}

const checkKeys = (keys: readonly string[] | undefined, where: string) => {
  for (const key of keys ?? []) {
    if (typeof key !== 'string' || !/^\S+$/.test(key))
      fail(`${where} must hold non-empty keys without spaces.`)
  }
}

/** Rejects options that could only be a mistake, naming the option. */
export function checkOptions(options: EmulatorOptions): void {
  if (options.timing !== undefined && !['fast', 'realistic', 'manual'].includes(options.timing)) {
    fail(`timing must be "fast", "realistic" or "manual" (got "${String(options.timing)}").`)
  }
  checkKeys(options.apiKeys, 'apiKeys')
  checkKeys(options.expiredApiKeys, 'expiredApiKeys')
  checkNumbers(options.numbers, 'numbers')
  for (const [index, organization] of (options.organizations ?? []).entries()) {
    checkKeys(organization.apiKeys, `organizations[${index}].apiKeys`)
    checkKeys(organization.expiredApiKeys, `organizations[${index}].expiredApiKeys`)
    checkNumbers(organization.numbers, `organizations[${index}].numbers`)
  }
  const limits = options.rateLimits
  if (limits !== undefined && limits !== false) {
    for (const field of ['writesPerMinute', 'readsPerMinute'] as const) {
      if (!Number.isFinite(limits[field]) || limits[field] < 1)
        fail(`rateLimits.${field} must be a number ≥ 1.`)
    }
  }
  if (options.idempotencyWaitMs !== undefined && !(options.idempotencyWaitMs >= 0)) {
    fail('idempotencyWaitMs must be a number of ms ≥ 0.')
  }
  if (options.now !== undefined && Number.isNaN(new Date(options.now).getTime()))
    fail('now must be a valid time.')
  if (options.webhook !== undefined) {
    try {
      new URL(options.webhook.url)
    } catch {
      fail(`webhook.url must be an absolute URL (got "${options.webhook.url}").`)
    }
    if (typeof options.webhook.secret !== 'string' || options.webhook.secret === '')
      fail('webhook.secret must be a non-empty string.')
  }
}
