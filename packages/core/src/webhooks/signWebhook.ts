import { assertOptions, type Check, issue } from '../internal/checkOptions.ts'
import { hmacKey } from '../internal/hmacKey.ts'
import { describeValue } from '../schemas/describe.ts'
import { bodyBytes, checkBody, type WebhookBody } from './bodyBytes.ts'
import { toHex } from './hex.ts'
import { secretIssues, secretsOf, type WebhookSecret } from './secret.ts'
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

const checkTimestamp = (timestamp: unknown): Check =>
  timestamp === undefined ||
  (typeof timestamp === 'number' && Number.isSafeInteger(timestamp) && timestamp >= 0) ||
  // A feature check, not `instanceof`: a Date from another realm counts.
  (typeof (timestamp as Date | null)?.getTime === 'function' &&
    (timestamp as Date).getTime() >= 0) ||
  issue(
    'timestamp',
    `must be a valid Date or whole seconds since the epoch, 0 or more (got ${describeValue(timestamp)})`,
  )

/** A checked `timestamp`, in whole seconds since the epoch. */
const timestampInSeconds = (timestamp: Date | number | undefined): number =>
  timestamp === undefined
    ? Math.floor(Date.now() / 1000)
    : typeof timestamp === 'number'
      ? timestamp
      : Math.floor(timestamp.getTime() / 1000)

/**
 * Signs a webhook body the way Kirim does and returns the `X-Kirim-Signature` header value,
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, with one `v1` per secret.
 * For tests, the emulator and anything that must produce deliveries `verifyWebhook` accepts.
 * Options that break a rule throw one `ValidationError` listing each of them.
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
  assertOptions('signWebhook options', options, ({ body, secret, timestamp }) => [
    checkBody(body),
    ...secretIssues(secret),
    checkTimestamp(timestamp),
  ])
  const { body, secret, timestamp } = options
  const secrets = secretsOf(secret)
  const t = String(timestampInSeconds(timestamp))
  const payload = signedPayload(t, bodyBytes(body))
  const parts = [`t=${t}`]
  for (const candidate of secrets) {
    const mac = await crypto.subtle.sign('HMAC', await hmacKey(candidate), payload)
    parts.push(`v1=${toHex(new Uint8Array(mac))}`)
  }
  return parts.join(',')
}
