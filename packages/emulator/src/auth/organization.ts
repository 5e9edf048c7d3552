import { newId } from '../ids/ulid.ts'
import { metaNumericId } from '../ids/wamid.ts'
import {
  DEFAULT_API_KEY,
  DEFAULT_NUMBER,
  type EmulatorOptions,
  FREE_LIMITS,
  PRO_LIMITS,
  type RateLimits,
  type Tier,
} from '../options.ts'

/** An API key the emulator recognises. */
export interface ApiKey {
  readonly id: string
  readonly secret: string
  readonly label: string
  readonly expired: boolean
  readonly organization: Organization
}

/** An organisation: its numbers, keys and rate limits. */
export interface Organization {
  readonly id: string
  readonly name: string
  readonly numbers: readonly string[]
  /** `false` when limiting is off. */
  readonly limits: RateLimits | false
  readonly tier: Tier | 'custom'
  /** Meta's WhatsApp Business Account id (the webhook `entry[].id`). */
  readonly wabaId: string
  /** Meta's `phone_number_id` of each connected number. */
  readonly phoneNumberIds: ReadonlyMap<string, string>
}

/** Every organisation, and a lookup from key secret to key. */
export interface Directory {
  readonly organizations: readonly Organization[]
  readonly defaultOrganization: Organization
  readonly keys: ReadonlyMap<string, ApiKey>
  /** The organisation that owns a connected number. */
  ownerOf(number: string): Organization | undefined
}

const tierOf = (limits: RateLimits | false): Tier | 'custom' => {
  if (limits === false) return 'custom'
  if (
    limits.writesPerMinute === PRO_LIMITS.writesPerMinute &&
    limits.readsPerMinute === PRO_LIMITS.readsPerMinute
  )
    return 'pro'
  if (
    limits.writesPerMinute === FREE_LIMITS.writesPerMinute &&
    limits.readsPerMinute === FREE_LIMITS.readsPerMinute
  )
    return 'free'
  return 'custom'
}

/** Builds the organisations and keys from the options. */
export function createDirectory(options: EmulatorOptions, now: number): Directory {
  const defaultLimits = options.rateLimits ?? PRO_LIMITS
  const keys = new Map<string, ApiKey>()
  const organizations: Organization[] = []

  const add = (
    seed: {
      id?: string | undefined
      name: string
      apiKeys: readonly string[]
      expiredApiKeys: readonly string[]
      numbers: readonly string[]
    },
    limits: RateLimits | false,
    tier: Tier | 'custom',
  ): Organization => {
    const organization: Organization = {
      id: seed.id ?? newId('org', now),
      name: seed.name,
      numbers: [...seed.numbers],
      limits,
      tier,
      wabaId: metaNumericId(),
      phoneNumberIds: new Map(seed.numbers.map((number) => [number, metaNumericId()])),
    }
    organizations.push(organization)
    const register = (secret: string, expired: boolean, index: number) => {
      keys.set(secret, {
        id: newId('key', now),
        secret,
        label: expired ? `Expired key ${index + 1}` : `Emulator key ${index + 1}`,
        expired,
        organization,
      })
    }
    for (const [index, secret] of seed.apiKeys.entries()) register(secret, false, index)
    for (const [index, secret] of seed.expiredApiKeys.entries()) register(secret, true, index)
    return organization
  }

  const defaultOrganization = add(
    {
      name: 'Kirim Emulator',
      apiKeys: options.apiKeys ?? [DEFAULT_API_KEY],
      expiredApiKeys: options.expiredApiKeys ?? [],
      numbers: options.numbers ?? [DEFAULT_NUMBER],
    },
    defaultLimits,
    tierOf(defaultLimits),
  )
  for (const seed of options.organizations ?? []) {
    const limits =
      defaultLimits === false || seed.tier === undefined
        ? defaultLimits
        : seed.tier === 'free'
          ? FREE_LIMITS
          : PRO_LIMITS
    add(
      {
        id: seed.id,
        name: seed.name,
        apiKeys: seed.apiKeys,
        expiredApiKeys: seed.expiredApiKeys ?? [],
        numbers: seed.numbers,
      },
      limits,
      seed.tier ?? tierOf(limits),
    )
  }

  return {
    organizations,
    defaultOrganization,
    keys,
    ownerOf: (number) => organizations.find((org) => org.numbers.includes(number)),
  }
}
