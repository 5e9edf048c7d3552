/**
 * What the demo's server side runs on, read from the server's environment (never from a `VITE_`
 * variable, which Vite would ship to the browser): the real Kirim API when `KIRIM_API_KEY` is
 * set, the in-process emulator otherwise.
 */

/** The environment variables the demo reads. Every one is optional. */
export interface DemoEnv {
  /** The Kirim API key. Unset: the demo runs on the in-process emulator. */
  readonly KIRIM_API_KEY?: string | undefined
  /** The Kirim API (live mode). @default 'https://api-kckit.kirim.chat' */
  readonly KIRIM_BASE_URL?: string | undefined
  /** The signing secret of the webhook subscription pointed at `/api/kirim/webhooks` (live mode). */
  readonly KIRIM_WEBHOOK_SECRET?: string | undefined
  /** The connected numbers to offer in the `from` picker, comma-separated (live mode). */
  readonly KIRIM_FROM?: string | undefined
  /** Signs the browser's tokens (at least 32 bytes). @default random per start */
  readonly KIRIM_TOKEN_SECRET?: string | undefined
  /** How fast the emulator moves messages along. @default 'realistic' */
  readonly KIRIM_EMULATOR_TIMING?: string | undefined
}

/** The emulator's connected numbers: two, so that the `from` picker matters. */
export const EMULATOR_NUMBERS = ['+628511760008029', '+628511760008030'] as const

/** How fast the emulator moves messages along (see `@kirim/emulator`). */
export type EmulatorTiming = 'fast' | 'realistic' | 'manual'

const TIMINGS: readonly EmulatorTiming[] = ['fast', 'realistic', 'manual']
const E164 = /^\+[1-9]\d{1,14}$/

/** The demo's settings, checked. */
export type DemoConfig =
  | {
      readonly mode: 'emulator'
      readonly numbers: readonly string[]
      readonly timing: EmulatorTiming
      readonly tokenSecret: string | undefined
    }
  | {
      readonly mode: 'live'
      readonly apiKey: string
      readonly baseUrl: string | undefined
      readonly webhookSecret: string | undefined
      readonly numbers: readonly string[]
      readonly tokenSecret: string | undefined
    }

/** A setting the demo cannot start with, named after its variable. */
export class DemoConfigError extends Error {
  override name = 'DemoConfigError'
}

const present = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim()
  return trimmed === undefined || trimmed === '' ? undefined : trimmed
}

/**
 * Reads the demo's settings from `env`.
 *
 * @throws {DemoConfigError} when a variable is set to something unusable (a `KIRIM_FROM` entry
 * that is not E.164, an unknown `KIRIM_EMULATOR_TIMING`).
 */
export function readDemoConfig(env: DemoEnv): DemoConfig {
  const tokenSecret = present(env.KIRIM_TOKEN_SECRET)
  const apiKey = present(env.KIRIM_API_KEY)
  if (apiKey === undefined) {
    const timing = present(env.KIRIM_EMULATOR_TIMING) ?? 'realistic'
    if (!TIMINGS.includes(timing as EmulatorTiming)) {
      throw new DemoConfigError(
        `KIRIM_EMULATOR_TIMING must be one of ${TIMINGS.join(', ')} (got ${JSON.stringify(timing)})`,
      )
    }
    return {
      mode: 'emulator',
      numbers: EMULATOR_NUMBERS,
      timing: timing as EmulatorTiming,
      tokenSecret,
    }
  }
  const numbers = (present(env.KIRIM_FROM) ?? '')
    .split(',')
    .map((number) => number.trim())
    .filter((number) => number !== '')
  for (const number of numbers) {
    if (!E164.test(number)) {
      throw new DemoConfigError(
        `KIRIM_FROM must list E.164 numbers with a leading +, comma-separated (got ${JSON.stringify(number)})`,
      )
    }
  }
  return {
    mode: 'live',
    apiKey,
    baseUrl: present(env.KIRIM_BASE_URL),
    webhookSecret: present(env.KIRIM_WEBHOOK_SECRET),
    numbers,
    tokenSecret,
  }
}
