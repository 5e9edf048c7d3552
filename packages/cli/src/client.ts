import { Kirim } from '@kirim/core'
import type { Io } from './io.ts'
import { UsageError } from './UsageError.ts'

/** The variable the API key is read from. */
export const API_KEY_VARIABLE = 'KIRIM_API_KEY'

/** The options of every command that talks to Kirim (`parseArgs` options). */
export const CLIENT_OPTIONS = {
  from: { type: 'string' },
  'base-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

/**
 * A client on the API key of `KIRIM_API_KEY`, never a flag: a flag would show in the shell's
 * history and the process list. `--base-url` (else `KIRIM_BASE_URL`) and `--from` come from the
 * command's options.
 */
export const clientFor = (
  io: Io,
  values: { readonly 'base-url'?: string | undefined; readonly from?: string | undefined },
): Kirim => {
  const apiKey = io.env[API_KEY_VARIABLE]
  if (!apiKey) {
    throw new UsageError(
      `${API_KEY_VARIABLE} is not set: export your Kirim API key (kdv_live_…) as ${API_KEY_VARIABLE}.`,
    )
  }
  return new Kirim({
    apiKey,
    baseUrl: values['base-url'] ?? io.env.KIRIM_BASE_URL,
    from: values.from,
  })
}
