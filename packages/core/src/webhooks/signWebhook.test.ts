import { afterEach, describe, expect, it, vi } from 'vitest'
import { ValidationError } from '../errors/ValidationError.ts'
import { signWebhook } from './signWebhook.ts'

// Vectors computed independently of this code, with OpenSSL 3:
//   printf '%s' "1750000000.$BODY" | openssl dgst -sha256 -hmac "$SECRET"
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
const OLD_SECRET = 'whsec_2f7Yh1uEoCqkZbL4xNw0aVtR'
const T = 1_750_000_000
const BODY =
  '{"id":"evt_01JZ8X5K3M4N5P6Q7R8S9T0V1W","type":"contact.created","created_at":"2025-06-15T15:06:40.000Z","data":{"id":"ctc_01JZ8X5K3M4N5P6Q7R8S9T0V1X","object":"contact"}}'
const SIG = '64ba71c0a371f0a3f4e3b0c3ecd6f0473eaf655ead788165040557a34891306d'
const SIG_OLD = '79cf8c7acc36a267d65451710e62492e547df688cb3f668569483df12131b4f9'
const UNICODE_BODY =
  '{"id":"evt_01JZ8X9A2B3C4D5E6F7G8H9J0K","type":"contact.updated","created_at":"2025-06-15T15:06:40.000Z","data":{"id":"ctc_01JZ8X5K3M4N5P6Q7R8S9T0V1X","name":"Siti Nurhaliza 🌸","note":"Terima kasih — ñ"}}'
const UNICODE_SIG = '51254c7f53b65d4c3567532bb972ff2542e2079ebc7e024ca5738adab752e8c8'

afterEach(() => {
  vi.useRealTimers()
})

describe('signWebhook', () => {
  it('produces the OpenSSL vector as an X-Kirim-Signature value', async () => {
    expect(await signWebhook({ body: BODY, secret: SECRET, timestamp: T })).toBe(`t=${T},v1=${SIG}`)
  })

  it('signs the UTF-8 bytes of a unicode body, given as a string or as bytes', async () => {
    const expected = `t=${T},v1=${UNICODE_SIG}`
    expect(await signWebhook({ body: UNICODE_BODY, secret: SECRET, timestamp: T })).toBe(expected)
    const bytes = new TextEncoder().encode(UNICODE_BODY)
    expect(await signWebhook({ body: bytes, secret: SECRET, timestamp: T })).toBe(expected)
    expect(await signWebhook({ body: bytes.buffer, secret: SECRET, timestamp: T })).toBe(expected)
  })

  it('gives one v1 per secret, in the order given (a rotation)', async () => {
    expect(await signWebhook({ body: BODY, secret: [OLD_SECRET, SECRET], timestamp: T })).toBe(
      `t=${T},v1=${SIG_OLD},v1=${SIG}`,
    )
  })

  it('takes the timestamp as a Date, in whole seconds', async () => {
    const date = new Date(T * 1000 + 999)
    expect(await signWebhook({ body: BODY, secret: SECRET, timestamp: date })).toBe(
      `t=${T},v1=${SIG}`,
    )
  })

  it('signs at the current time by default', async () => {
    vi.useFakeTimers({ now: T * 1000 + 500 })
    expect(await signWebhook({ body: BODY, secret: SECRET })).toBe(`t=${T},v1=${SIG}`)
  })

  it.each([
    ['a fractional timestamp', { timestamp: T + 0.5 }],
    ['a negative timestamp', { timestamp: -1 }],
    ['an invalid Date', { timestamp: new Date('nope') }],
    ['an empty secret', { secret: '' }],
    ['no secrets', { secret: [] }],
  ])('throws a ValidationError for %s', async (_, overrides) => {
    await expect(signWebhook({ body: BODY, secret: SECRET, ...overrides })).rejects.toBeInstanceOf(
      ValidationError,
    )
  })

  it('lists every broken option at once, and never quotes a secret', async () => {
    await expect(
      signWebhook({ body: 42 as never, secret: ['whsec_kept_private', ''], timestamp: -1 }),
    ).rejects.toMatchObject({
      issues: [
        { path: 'body', message: expect.stringContaining('must be the raw request body') },
        { path: 'secret[1]', message: 'must not be empty' },
        { path: 'timestamp', message: expect.stringContaining('(got -1)') },
      ],
      message: expect.not.stringContaining('whsec_kept_private'),
    })
  })
})
