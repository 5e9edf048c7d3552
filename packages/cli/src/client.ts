import { Kirim } from '@kirim/core'
import type { Io } from './io.ts'
import { UsageError } from './UsageError.ts'

/** The variable the API key is read from. */
export const API_KEY_VARIABLE = 'KIRIM_API_KEY'

/**
 * A client on the API key of `KIRIM_API_KEY`, never a flag: a flag would show in the shell's
 * history and the process list.
 */
export const clientFor = (
  io: Io,
  options: { readonly baseUrl?: string | undefined; readonly from?: string | undefined },
): Kirim => {
  const apiKey = io.env[API_KEY_VARIABLE]
  if (!apiKey) {
    throw new UsageError(
      `${API_KEY_VARIABLE} is not set: export your Kirim API key (kdv_live_…) as ${API_KEY_VARIABLE}.`,
    )
  }
  return new Kirim({ apiKey, baseUrl: options.baseUrl, from: options.from })
}
