/**
 * Security review: what a forged delivery costs the receiver.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { signWebhook, verifyWebhook, WebhookVerificationError } from './index.ts'
import { MAX_SIGNATURES } from './parseSignatureHeader.ts'

const SECRET = 'whsec_review_0123456789abcdefghijklmnop'
const T = 1_750_000_000
/** A Kirim event padded to 1 MiB: the largest body the proxy reads. */
const BODY = JSON.stringify({
  id: 'evt_01JZ8X5K3M4N5P6Q7R8S9T0V1W',
  type: 'contact.created',
  created_at: '2025-06-15T15:06:40.000Z',
  data: { id: 'ctc_01JZ8X5K3M4N5P6Q7R8S9T0V1X', object: 'contact', note: 'x'.repeat(1_048_000) },
})
const WRONG = (i: number) => i.toString(16).padStart(2, '0').repeat(32)

/** Bytes run through HMAC by `crypto.subtle.sign` and `crypto.subtle.verify` from now on. */
function countHmacBytes(): () => number {
  let bytes = 0
  const size = (data: BufferSource) => data.byteLength
  const sign = crypto.subtle.sign.bind(crypto.subtle)
  const verify = crypto.subtle.verify.bind(crypto.subtle)
  vi.spyOn(crypto.subtle, 'sign').mockImplementation((algorithm, key, data) => {
    bytes += size(data)
    return sign(algorithm, key, data)
  })
  vi.spyOn(crypto.subtle, 'verify').mockImplementation((algorithm, key, signature, data) => {
    bytes += size(data)
    return verify(algorithm, key, signature, data)
  })
  return () => bytes
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('review: HMAC work per forged delivery', () => {
  it(`hashes a forged 1 MiB body once per secret, not once per v1 (${MAX_SIGNATURES} listed)`, async () => {
    const forged = Array.from({ length: MAX_SIGNATURES }, (_, i) => `v1=${WRONG(i)}`).join(',')
    const hashed = countHmacBytes()
    const error = await verifyWebhook({
      body: BODY,
      headers: { 'x-kirim-signature': `t=${T},${forged}`, 'x-kirim-event': 'contact.created' },
      secret: SECRET,
      now: T,
    }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(WebhookVerificationError)
    expect((error as WebhookVerificationError).reason).toBe('signature_mismatch')
    expect(BODY.length).toBeGreaterThan(1_048_000)
    expect(hashed()).toBeLessThan(BODY.length + 4096)
  })

  it('still accepts the one right v1 listed after nine wrong ones', async () => {
    const right = await signWebhook({ body: BODY, secret: SECRET, timestamp: T })
    const wrong = Array.from({ length: MAX_SIGNATURES - 1 }, (_, i) => `v1=${WRONG(i)}`).join(',')
    const header = right.replace(`t=${T},`, `t=${T},${wrong},`)
    await expect(
      verifyWebhook({
        body: BODY,
        headers: { 'x-kirim-signature': header, 'x-kirim-event': 'contact.created' },
        secret: ['whsec_another_secret_0123456789', SECRET],
        now: T,
      }),
    ).resolves.toMatchObject({ type: 'contact.created', id: 'evt_01JZ8X5K3M4N5P6Q7R8S9T0V1W' })
  })

  it('refuses a v1 that is the HMAC of the HMAC (the comparison tag is not a signature)', async () => {
    const right = await signWebhook({ body: BODY, secret: SECRET, timestamp: T })
    const mac = right.slice(right.indexOf('v1=') + 3)
    const key = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(SECRET),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    )
    const bytes = Uint8Array.from(mac.match(/../g)!, (pair) => Number.parseInt(pair, 16))
    const tag = new Uint8Array(await crypto.subtle.sign('HMAC', key, bytes))
    const hex = Array.from(tag, (byte) => byte.toString(16).padStart(2, '0')).join('')
    await expect(
      verifyWebhook({
        body: BODY,
        headers: { 'x-kirim-signature': `t=${T},v1=${hex}`, 'x-kirim-event': 'contact.created' },
        secret: SECRET,
        now: T,
      }),
    ).rejects.toMatchObject({ reason: 'signature_mismatch' })
  })
})
