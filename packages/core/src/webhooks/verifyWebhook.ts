import { inlineIssues } from '../errors/ValidationError.ts'
import { assertOptions, type Check, issue } from '../internal/checkOptions.ts'
import { hmacKey } from '../internal/hmacKey.ts'
import { describeValue } from '../schemas/describe.ts'
import { bodyBytes, checkBody, type WebhookBody } from './bodyBytes.ts'
import type { WebhookEvent } from './events.ts'
import { parseSignatureHeader } from './parseSignatureHeader.ts'
import { parseWebhookEvent } from './parseWebhookEvent.ts'
import { checkHeaders, readHeader, type WebhookHeaders } from './readHeader.ts'
import { secretIssues, secretsOf, type WebhookSecret } from './secret.ts'
import { signedPayload } from './signedPayload.ts'
import { WebhookVerificationError } from './WebhookVerificationError.ts'

/** Options of {@link verifyWebhook}. */
export interface VerifyWebhookOptions {
  /**
   * The raw request body, byte for byte as it arrived: a string, a `Uint8Array` (a Node
   * `Buffer`) or an `ArrayBuffer`.
   *
   * **Never a parsed and re-serialised body.** `JSON.stringify(req.body)` changes spacing, key
   * order and escapes, and the signature then fails with `signature_mismatch`. In Express, mount
   * `express.raw({ type: 'application/json' })` on the webhook route; with fetch-style requests,
   * read `await request.arrayBuffer()` (exact) or `await request.text()`.
   */
  readonly body: WebhookBody
  /** The request headers: a `Headers`, or a record such as Node's `req.headers`. */
  readonly headers: WebhookHeaders
  /**
   * The subscription's signing secret (`whsec_…`, from `initial_secret`), or several during a
   * rotation: a delivery is accepted when any `v1` signature matches under any of them.
   * The whole string, `whsec_` prefix included, is the HMAC key as UTF-8 bytes; it is not
   * base64-decoded. `undefined` (an unset environment variable) fails with `missing_secret`.
   */
  readonly secret: WebhookSecret | undefined
  /**
   * How far, in seconds, the signature's `t` may be from now, in the past or in the future,
   * before the delivery is refused as a possible replay. `Infinity` turns the check off (to
   * replay stored deliveries in tests; never in production).
   * @default 300
   */
  readonly tolerance?: number
  /**
   * The current time to check `t` against: a `Date`, or a number of **seconds** since the Unix
   * epoch (like `t` itself, not `Date.now()`'s milliseconds). For tests and for servers whose
   * clock is injected.
   * @default new Date()
   */
  readonly now?: Date | number
}

const DEFAULT_TOLERANCE = 300
// Unix seconds stay below 1e11 until the year 5138; a larger `now` is milliseconds by mistake.
const MAX_PLAUSIBLE_SECONDS = 1e11

const checkTolerance = (tolerance: unknown): Check =>
  tolerance === undefined ||
  (typeof tolerance === 'number' && tolerance >= 0) ||
  issue('tolerance', `must be a number of seconds, 0 or more (got ${describeValue(tolerance)})`)

const checkNow = (now: unknown): Check => {
  if (now === undefined) return true
  if (typeof now === 'number' && now >= MAX_PLAUSIBLE_SECONDS) {
    return issue(
      'now',
      `must be in seconds, not milliseconds (got ${now}): pass a Date, or Math.floor(Date.now() / 1000)`,
    )
  }
  return (
    (typeof now === 'number' && Number.isFinite(now) && now >= 0) ||
    // A feature check, not `instanceof`: a Date from another realm (an edge runtime's VM) counts.
    (typeof (now as Date | null)?.getTime === 'function' &&
      Number.isFinite((now as Date).getTime())) ||
    issue(
      'now',
      `must be a valid Date or a number of seconds since the epoch (got ${describeValue(now)})`,
    )
  )
}

/** A checked `now`, in whole seconds since the epoch. */
const nowInSeconds = (now: Date | number | undefined): number =>
  Math.floor(
    now === undefined ? Date.now() / 1000 : typeof now === 'number' ? now : now.getTime() / 1000,
  )

/**
 * Verifies a webhook delivery from Kirim and returns its typed event, or throws a
 * {@link WebhookVerificationError} whose `reason` names the check that failed.
 *
 * In order, it checks exactly what Kirim's webhook contract says:
 * 1. a secret is configured (`missing_secret`);
 * 2. `X-Kirim-Signature` is present (`missing_signature`) and reads
 *    `t=<unix seconds>,v1=<hex>[,v1=<hex>…]`: one `t` of digits, one to ten `v1` of 64 hex
 *    digits, unknown schemes such as `v0=` ignored (`malformed_signature`);
 * 3. `t` is at most `tolerance` seconds before or after `now` (`timestamp_outside_tolerance`);
 * 4. some `v1` equals HMAC-SHA256(secret, `"<t>.<raw body>"`) for some secret, compared in
 *    constant time by `crypto.subtle.verify` (`signature_mismatch`);
 * 5. only then is the body read: UTF-8 JSON, valid for its type (`invalid_payload`).
 *
 * The event type comes from `X-Kirim-Event` (or, for Kirim's own events, the body's `type`); a
 * type this SDK does not know still verifies, as an event with `data: unknown`. Delivery is at
 * least once: dedupe on `event.id` (see `createWebhookDeduper`) and answer 2xx quickly.
 *
 * Options that break a rule (a body that is not the raw body, headers that are not headers, a
 * negative `tolerance`, a `now` in milliseconds) throw one `ValidationError` listing each of them.
 *
 * Web standards only (`crypto.subtle`, `TextEncoder`): it runs on Node 22+, Deno, Bun,
 * Cloudflare Workers and Vercel Edge alike. Keys are imported once per secret and cached.
 *
 * @example Cloudflare Workers (or any fetch handler: Deno, Bun, Hono)
 * export default {
 *   async fetch(request: Request, env: { KIRIM_WEBHOOK_SECRET: string }) {
 *     let event
 *     try {
 *       event = await verifyWebhook({
 *         body: await request.arrayBuffer(),
 *         headers: request.headers,
 *         secret: env.KIRIM_WEBHOOK_SECRET,
 *       })
 *     } catch (error) {
 *       if (error instanceof WebhookVerificationError) return new Response(error.reason, { status: 400 })
 *       throw error
 *     }
 *     if (event.type === 'message.status') {
 *       for (const update of statusUpdates(event)) console.log(update.wamid, update.status)
 *     }
 *     return new Response(null, { status: 204 })
 *   },
 * }
 *
 * @example Next.js route handler (app/api/kirim/webhooks/route.ts)
 * export async function POST(request: Request) {
 *   const event = await verifyWebhook({
 *     body: await request.text(),
 *     headers: request.headers,
 *     // During a rotation, both the new secret and the old one.
 *     secret: [process.env.KIRIM_WEBHOOK_SECRET, process.env.KIRIM_WEBHOOK_SECRET_OLD].filter(
 *       (secret) => secret !== undefined,
 *     ),
 *   })
 *   // … handle event …
 *   return new Response(null, { status: 204 })
 * }
 *
 * @example Express: the raw body, never express.json(), on this route
 * app.post('/webhooks/kirim', express.raw({ type: 'application/json' }), async (req, res) => {
 *   try {
 *     const event = await verifyWebhook({
 *       body: req.body, // a Buffer
 *       headers: req.headers,
 *       secret: process.env.KIRIM_WEBHOOK_SECRET,
 *     })
 *     for (const message of inboundMessages(event)) console.log(message.from, message.text)
 *     res.sendStatus(204)
 *   } catch (error) {
 *     if (error instanceof WebhookVerificationError) res.status(400).send(error.reason)
 *     else throw error
 *   }
 * })
 */
export async function verifyWebhook(options: VerifyWebhookOptions): Promise<WebhookEvent> {
  assertOptions('verifyWebhook options', options)
  const { body, headers, secret, tolerance = DEFAULT_TOLERANCE, now } = options
  const problems = secretIssues(secret)
  if (problems.length > 0 || secret === undefined) {
    throw new WebhookVerificationError(
      'missing_secret',
      `No webhook signing secret: ${inlineIssues(problems)}. Pass the subscription's whsec_… secret as secret.`,
    )
  }
  assertOptions('verifyWebhook options', options, () => [
    checkBody(body),
    checkHeaders(headers),
    checkTolerance(tolerance),
    checkNow(now),
  ])
  const secrets = secretsOf(secret)
  const maxSkew = tolerance
  const current = nowInSeconds(now)
  const bytes = bodyBytes(body)

  const header = readHeader(headers, 'x-kirim-signature')
  if (header === undefined || header.trim() === '') {
    throw new WebhookVerificationError(
      'missing_signature',
      'The request has no X-Kirim-Signature header: it did not come from Kirim, or a proxy dropped the header.',
    )
  }
  const signature = parseSignatureHeader(header)

  // Before the HMAC: refusing a stale or future request costs nothing, and reveals nothing the
  // sender does not know.
  const skew = current - signature.seconds
  if (Math.abs(skew) > maxSkew) {
    const when = skew > 0 ? `${skew} s old` : `${-skew} s in the future`
    throw new WebhookVerificationError(
      'timestamp_outside_tolerance',
      `The signature's timestamp is ${when}, outside the tolerance of ${maxSkew} s: a replay, or a wrong clock on this server.`,
    )
  }

  const payload = signedPayload(signature.timestamp, bytes)
  for (const candidate of secrets) {
    const key = await hmacKey(candidate)
    // One HMAC over the body per secret, however many `v1` a forged header lists (verifying each
    // against the body would cost ten HMACs of up to the whole body). Each `v1` is then compared
    // with it in constant time by `crypto.subtle.verify`, over their 32-byte HMACs.
    const expected = await crypto.subtle.sign('HMAC', key, payload)
    const tag = await crypto.subtle.sign('HMAC', key, expected)
    for (const mac of signature.signatures) {
      if (await crypto.subtle.verify('HMAC', key, tag, mac)) {
        return parseWebhookEvent(bytes, headers, signature.seconds)
      }
    }
  }
  throw new WebhookVerificationError(
    'signature_mismatch',
    `No v1 signature matches the body (${signature.signatures.length} signature(s), ${secrets.length} secret(s) tried). ` +
      'Check the secret is this subscription’s, and pass the raw body exactly as received: ' +
      'a parsed and re-serialised body (JSON.stringify(req.body)) never matches.',
  )
}
