const HEX = '0123456789ABCDEF'

/**
 * A Meta-style message id: `wamid.` + base64 of the same framing Meta uses (the
 * recipient's digits, then 20 random upper-case hex characters), so it looks and
 * parses like the real thing.
 */
export function wamid(recipient: string): string {
  const digits = recipient.replace(/\D/g, '')
  const random = crypto.getRandomValues(new Uint8Array(20))
  let hex = ''
  for (const byte of random) hex += HEX[byte & 15]
  const framed = `\x1c\x18${String.fromCharCode(digits.length)}${digits}\x15\x02\x00\x12\x18\x14${hex}\x00`
  return `wamid.${btoa(framed)}`
}

/** A numeric Meta object id (phone_number_id, WABA id): 15 digits. */
export function metaNumericId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(14))
  let id = '1'
  for (const byte of bytes) id += String(byte % 10)
  return id
}
