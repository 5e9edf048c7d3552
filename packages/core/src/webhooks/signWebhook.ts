import { bodyBytes, type WebhookBody } from './bodyBytes.ts'
import { toHex } from './hex.ts'
import { hmacKey } from './hmacKey.ts'
import { secretProblem, type WebhookSecret } from './secretProblem.ts'
import { signedPayload } from './signedPayload.ts'

/** Options of {@link signWebhook}. */
export interface SignWebhookOptions {
  /** The exact body you will send: the signature covers these bytes (a string as UTF-8). */
  readonly body: WebhookBody
  /** The signing secret, used as UTF-8 bytes, `whsec_` included; several give one `v1` each. */
  readonly secret: WebhookSecret
  /**
   * The signing time: a `Date`, or whole seconds since the Unix epoch.
   * @default now
   */
  readonly timestamp?: Date | number
}

function timestampInSeconds(timestamp: Date | number | undefined): number {
  if (timestamp === undefined) return Math.floor(Date.now() / 1000)
  if (typeof timestamp === 'number') {
    if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
      throw new TypeError(
        `timestamp must be whole seconds since the epoch, 0 or more (got ${timestamp})`,
      )
    }
    return timestamp
  }
  const time = typeof timestamp?.getTime === 'function' ? timestamp.getTime() : Number.NaN
  if (!Number.isFinite(time) || time < 0)
    throw new TypeError('timestamp must be a valid Date or whole seconds')
  return Math.floor(time / 1000)
}

/**
 * Signs a webhook body the way Kirim does and returns the `X-Kirim-Signature` header value,
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, with one `v1` per secret.
 * For tests, the emulator and anything that must produce deliveries `verifyWebhook` accepts.
 *
 * @example
 * const body = JSON.stringify({ id: 'evt_01J…', type: 'contact.created', created_at: new Date().toISOString(), data: {} })
 * const signature = await signWebhook({ body, secret: 'whsec_test' })
 * await fetch('http://127.0.0.1:3000/webhooks/kirim', {
 *   method: 'POST',
 *   body,
 *   headers: { 'content-type': 'application/json', 'x-kirim-signature': signature, 'x-kirim-event': 'contact.created' },
 * })
 */
export async function signWebhook(options: SignWebhookOptions): Promise<string> {
  const { body, secret, timestamp } = options
  const problem = secretProblem(secret)
  if (problem !== undefined) throw new TypeError(`Cannot sign a webhook: ${problem}`)
  const secrets: readonly string[] = typeof secret === 'string' ? [secret] : secret
  const t = String(timestampInSeconds(timestamp))
  const payload = signedPayload(t, bodyBytes(body))
  const parts = [`t=${t}`]
  for (const candidate of secrets) {
    const mac = await crypto.subtle.sign('HMAC', await hmacKey(candidate), payload)
    parts.push(`v1=${toHex(new Uint8Array(mac))}`)
  }
  return parts.join(',')
}
