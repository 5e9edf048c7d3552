import type { EmulatorStore } from './store/store.ts'

/**
 * How fast messages move through their statuses and webhooks are retried.
 * - `fast`: each status step ~30 ms after the last; webhook retries compressed 1000×.
 * - `realistic`: sent ≈ 1 s, delivered ≈ 2 s, read ≈ 4 s after acceptance; real retry schedule.
 * - `manual`: the clock stands still; only `clock.advance` (or `POST /_emulator/clock`)
 *   moves it, with the same offsets as `realistic`.
 */
export type Timing = 'fast' | 'realistic' | 'manual'

/** Token-bucket sizes per organisation, refilled continuously over a minute. */
export interface RateLimits {
  readonly writesPerMinute: number
  readonly readsPerMinute: number
}

/** The rate-limit tiers of kirim-api.md. */
export type Tier = 'free' | 'pro'

/** Another organisation, for multi-org and multi-number tests. */
export interface OrganizationSeed {
  /** `org_…`; minted when omitted. */
  readonly id?: string
  readonly name: string
  readonly apiKeys: readonly string[]
  /** Keys of this organisation that answer 401 `expired_api_key`. @default [] */
  readonly expiredApiKeys?: readonly string[]
  /** Connected WhatsApp numbers (E.164). `[]` → sends answer 422 `whatsapp_number_not_verified`. */
  readonly numbers: readonly string[]
  /** Rate-limit tier. @default the emulator's `rateLimits` (Pro) */
  readonly tier?: Tier
}

/** A template component, in the shape `GET /v1/templates` returns it. */
export interface TemplateComponent {
  readonly type: 'HEADER' | 'BODY' | 'FOOTER' | 'BUTTONS'
  readonly format?: 'TEXT' | 'IMAGE' | 'VIDEO' | 'DOCUMENT' | 'LOCATION'
  readonly text?: string
  readonly buttons?: readonly {
    readonly type: string
    readonly text: string
    readonly url?: string
    readonly phone_number?: string
  }[]
}

/** A template's review status. */
export const TEMPLATE_STATUSES = ['approved', 'pending', 'rejected', 'paused', 'disabled'] as const
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number]
/** A template's category. */
export const TEMPLATE_CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number]

/** A template the emulator knows. */
export interface TemplateSeed {
  /** `tmpl_…`; minted when omitted. */
  readonly id?: string
  /** Meta's rule: `/^[a-z0-9_]{1,512}$/`. */
  readonly name: string
  /** e.g. `id_ID`, `en_US`. */
  readonly language: string
  /** @default 'approved' */
  readonly status?: TemplateStatus
  /** @default 'UTILITY' */
  readonly category?: TemplateCategory
  /** @default [] (no body: zero parameters) */
  readonly components?: readonly TemplateComponent[]
}

/** Where signed webhooks go. */
export interface WebhookTarget {
  readonly url: string
  /** The signing secret (`whsec_…`); its UTF-8 bytes are the HMAC key. */
  readonly secret: string
}

/** Options of {@link createEmulator}. Every field is optional. */
export interface EmulatorOptions {
  /** Keys of the default organisation. @default ['kdv_live_emulatoremulatoremulator'] */
  readonly apiKeys?: readonly string[]
  /** Keys that answer 401 `expired_api_key`. @default [] */
  readonly expiredApiKeys?: readonly string[]
  /** The default organisation's connected numbers. @default ['+628511760008029'] */
  readonly numbers?: readonly string[]
  /** More organisations. @default [] */
  readonly organizations?: readonly OrganizationSeed[]
  /** Replaces the seeded templates. @default the seeds of emulator.md + 40 generated */
  readonly templates?: readonly TemplateSeed[]
  /** @default 'fast' */
  readonly timing?: Timing
  /** Per-organisation buckets, or `false` to switch limiting off. @default Pro: 600 / 6000 */
  readonly rateLimits?: RateLimits | false
  /** Where signed webhooks go; also settable at run time. */
  readonly webhook?: WebhookTarget
  /** Where the emulator clock starts. @default the real time */
  readonly now?: number | Date
  /** How long a same-key request waits for the in-flight first one. @default 30000 */
  readonly idempotencyWaitMs?: number
  /** Delivers webhooks. @default globalThis.fetch */
  readonly fetch?: typeof fetch
  /** Where state lives. @default an in-memory store */
  readonly store?: EmulatorStore
}

export const DEFAULT_API_KEY = 'kdv_live_emulatoremulatoremulator'
export const DEFAULT_NUMBER = '+628511760008029'
export const PRO_LIMITS: RateLimits = { writesPerMinute: 600, readsPerMinute: 6000 }
export const FREE_LIMITS: RateLimits = { writesPerMinute: 60, readsPerMinute: 600 }
