/**
 * A WhatsApp id as an E.164 phone number: Meta writes numbers as bare digits (`628111111111`),
 * the Kirim API with a leading `+`. Anything else (a group id, a business-scoped user id) is
 * not a phone number and is returned unchanged.
 */
export function toE164(waId: string): string {
  return /^[0-9]+$/.test(waId) ? `+${waId}` : waId
}

/** A Meta Unix timestamp (seconds, a string of digits or a number) as a `Date`. */
export function unixToDate(seconds: string | number): Date {
  return new Date(Number(seconds) * 1000)
}
