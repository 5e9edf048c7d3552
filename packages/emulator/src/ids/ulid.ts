const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const MAX_TIME = 2 ** 48 - 1

/**
 * A ULID: 10 Crockford base32 characters of 48-bit millisecond time, then 16 of 80
 * random bits (26 in all, upper case).
 */
export function ulid(time: number): string {
  let remaining = Math.min(MAX_TIME, Math.max(0, Math.floor(time)))
  let timePart = ''
  for (let i = 0; i < 10; i++) {
    timePart = CROCKFORD[remaining % 32] + timePart
    remaining = Math.floor(remaining / 32)
  }
  // 256 is a multiple of 32, so masking each byte keeps the 5 random bits uniform.
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  let randomPart = ''
  for (const byte of bytes) randomPart += CROCKFORD[byte & 31]
  return timePart + randomPart
}

/** The prefixes of the ids the emulator mints (kirim-api.md, "IDs"). */
export type IdPrefix = 'msg' | 'req' | 'evt' | 'wbd' | 'wbs' | 'tmpl' | 'org' | 'key' | 'flt'

/** `<prefix>_<ULID>`, e.g. `msg_01HXYZABCDEFGHJKMNPQRSTVWX`. */
export const newId = (prefix: IdPrefix, time: number): string => `${prefix}_${ulid(time)}`

/** Matches an id minted by {@link newId}. */
export const ID_PATTERN = /^[a-z]+_[0-9A-HJKMNP-TV-Z]{26}$/
