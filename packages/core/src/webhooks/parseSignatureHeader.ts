import { fromHex } from './hex.ts'
import { WebhookVerificationError } from './WebhookVerificationError.ts'

/** The parts of an `X-Kirim-Signature` header that verification uses. */
export interface ParsedSignatureHeader {
  /** `t` exactly as sent: the HMAC covers these digits, not a re-formatted number. */
  readonly timestamp: string
  /** `t` as a number of seconds since the Unix epoch. */
  readonly seconds: number
  /** Every `v1` value, decoded to the 32 bytes of an HMAC-SHA256. */
  readonly signatures: readonly Uint8Array<ArrayBuffer>[]
}

/**
 * Kirim sends one `v1` signature, two during a secret rotation. The bound keeps a forged header
 * from making one request cost hundreds of HMAC computations over the body.
 */
export const MAX_SIGNATURES = 10

const DIGITS = /^[0-9]+$/
const HMAC_SHA256_HEX = /^[0-9a-fA-F]{64}$/

function malformed(detail: string): WebhookVerificationError {
  return new WebhookVerificationError(
    'malformed_signature',
    `X-Kirim-Signature is malformed: ${detail}. Expected t=<unix seconds>,v1=<64 hex digits>[,v1=…].`,
  )
}

function quote(value: string): string {
  return JSON.stringify(value.length > 24 ? `${value.slice(0, 24)}…` : value)
}

/**
 * Parses `t=<unix>,v1=<hex>[,v1=<hex>…]`. Elements are separated by commas, with optional
 * spaces around them; unknown schemes (`v0=…`, a future `v2=…`) are ignored so that Kirim can
 * add one without breaking verifiers. Exactly one `t`, of digits only, and at least one `v1`,
 * of 64 hex digits each, are required; anything else is `malformed_signature`.
 */
export function parseSignatureHeader(header: string): ParsedSignatureHeader {
  let timestamp: string | undefined
  const signatures: Uint8Array<ArrayBuffer>[] = []
  for (const raw of header.split(',')) {
    const element = raw.trim()
    if (element === '') throw malformed('it has an empty element')
    const equals = element.indexOf('=')
    if (equals <= 0) throw malformed(`element ${quote(element)} is not <scheme>=<value>`)
    const scheme = element.slice(0, equals)
    const value = element.slice(equals + 1)
    if (scheme === 't') {
      if (timestamp !== undefined) throw malformed('it has more than one t')
      if (!DIGITS.test(value) || !Number.isSafeInteger(Number(value))) {
        throw malformed(`t must be a Unix time in whole seconds (got ${quote(value)})`)
      }
      timestamp = value
    } else if (scheme === 'v1') {
      // The value is not quoted: it is signature material, which errors never repeat.
      if (!HMAC_SHA256_HEX.test(value)) throw malformed('a v1 signature is not 64 hex digits')
      signatures.push(fromHex(value))
    }
  }
  if (timestamp === undefined) throw malformed('it has no t')
  if (signatures.length === 0) throw malformed('it has no v1 signature')
  if (signatures.length > MAX_SIGNATURES) {
    throw malformed(`it has ${signatures.length} v1 signatures, more than ${MAX_SIGNATURES}`)
  }
  return { timestamp, seconds: Number(timestamp), signatures }
}
