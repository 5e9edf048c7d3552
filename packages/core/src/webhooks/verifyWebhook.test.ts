import { execFileSync } from 'node:child_process'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { KirimError } from '../errors/KirimError.ts'
import { ValidationError } from '../errors/ValidationError.ts'
import {
  signWebhook,
  statusUpdates,
  type VerifyWebhookOptions,
  verifyWebhook,
  WebhookVerificationError,
  type WebhookVerificationReason,
} from './index.ts'

// Test vectors computed independently of this code, with OpenSSL 3:
//   printf '%s' "1750000000.$BODY" | openssl dgst -sha256 -hmac "$SECRET"
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
const OLD_SECRET = 'whsec_2f7Yh1uEoCqkZbL4xNw0aVtR'
const T = 1_750_000_000
const BODY =
  '{"id":"evt_01JZ8X5K3M4N5P6Q7R8S9T0V1W","type":"contact.created","created_at":"2025-06-15T15:06:40.000Z","data":{"id":"ctc_01JZ8X5K3M4N5P6Q7R8S9T0V1X","object":"contact"}}'
/** BODY under SECRET. */
const SIG = '64ba71c0a371f0a3f4e3b0c3ecd6f0473eaf655ead788165040557a34891306d'
/** BODY under OLD_SECRET. */
const SIG_OLD = '79cf8c7acc36a267d65451710e62492e547df688cb3f668569483df12131b4f9'
const UNICODE_BODY =
  '{"id":"evt_01JZ8X9A2B3C4D5E6F7G8H9J0K","type":"contact.updated","created_at":"2025-06-15T15:06:40.000Z","data":{"id":"ctc_01JZ8X5K3M4N5P6Q7R8S9T0V1X","name":"Siti Nurhaliza 🌸","note":"Terima kasih — ñ"}}'
/** UNICODE_BODY (its UTF-8 bytes) under SECRET. */
const UNICODE_SIG = '51254c7f53b65d4c3567532bb972ff2542e2079ebc7e024ca5738adab752e8c8'
const META_BODY =
  '{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"628511760008029","phone_number_id":"106540352242922"},"statuses":[{"id":"wamid.HBgNNjI4MTMzMzMzMzMzFQIAERgSQzVBNTk0RkM2MzM0QkQ3MEE3AA==","status":"failed","timestamp":"1749999998","recipient_id":"628133333333","errors":[{"code":131026,"title":"Message undeliverable","message":"Message undeliverable","error_data":{"details":"Message Undeliverable."}}]}]},"field":"messages"}]}]}'
/** META_BODY under SECRET. */
const META_SIG = 'beb7a1a7e05cda0689672a343627c1c6173197afc78ba0219d75780854773e4d'

const encoder = new TextEncoder()

function options(overrides: Partial<VerifyWebhookOptions> = {}): VerifyWebhookOptions {
  return {
    body: BODY,
    headers: { 'x-kirim-signature': `t=${T},v1=${SIG}`, 'x-kirim-event': 'contact.created' },
    secret: SECRET,
    now: T,
    ...overrides,
  }
}

function withSignature(signature: string, overrides: Partial<VerifyWebhookOptions> = {}) {
  return options({ headers: { 'x-kirim-signature': signature }, ...overrides })
}

async function rejection(
  promise: Promise<unknown>,
  reason: WebhookVerificationReason,
): Promise<WebhookVerificationError> {
  const error = await promise.then(
    () => expect.unreachable('verifyWebhook resolved'),
    (error: unknown) => error,
  )
  expect(error).toBeInstanceOf(WebhookVerificationError)
  const failure = error as WebhookVerificationError
  expect(failure.reason).toBe(reason)
  // Nothing that would help forge a signature ever reaches a log.
  expect(failure.message).not.toContain(SECRET)
  expect(failure.message).not.toContain(OLD_SECRET)
  expect(failure.message).not.toContain(SIG)
  expect(failure.message).not.toContain(SIG_OLD)
  return failure
}

function openssl(secret: string, payload: Uint8Array): string {
  const output = execFileSync('openssl', ['dgst', '-sha256', '-hmac', secret], { input: payload })
  const match = /= ([0-9a-f]{64})\s*$/.exec(output.toString())
  if (!match?.[1]) throw new Error(`unexpected openssl output: ${output.toString()}`)
  return match[1]
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('verifyWebhook: a valid delivery', () => {
  it('accepts the OpenSSL vector and returns the typed event with its delivery headers', async () => {
    const event = await verifyWebhook(
      options({
        headers: {
          'x-kirim-signature': `t=${T},v1=${SIG}`,
          'x-kirim-event': 'contact.created',
          'x-kirim-event-id': 'evt_01JZ8X5K3M4N5P6Q7R8S9T0V1W',
          'x-kirim-delivery-id': 'wbd_01JZ8X5K3M4N5P6Q7R8S9T0V1Y',
          'x-kirim-attempt': '3',
          'x-kirim-source': 'kirim',
          'user-agent': 'Kirim-Webhook/1.0',
        },
      }),
    )
    expect(event).toEqual({
      type: 'contact.created',
      id: 'evt_01JZ8X5K3M4N5P6Q7R8S9T0V1W',
      deliveryId: 'wbd_01JZ8X5K3M4N5P6Q7R8S9T0V1Y',
      attempt: 3,
      source: 'kirim',
      timestamp: new Date(T * 1000),
      createdAt: new Date('2025-06-15T15:06:40.000Z'),
      data: { id: 'ctc_01JZ8X5K3M4N5P6Q7R8S9T0V1X', object: 'contact' },
    })
  })

  it("takes a Kirim event's type and id from the signed body when the headers are absent", async () => {
    const event = await verifyWebhook(withSignature(`t=${T},v1=${SIG}`))
    expect(event.type).toBe('contact.created')
    expect(event.id).toBe('evt_01JZ8X5K3M4N5P6Q7R8S9T0V1W')
    expect(event.deliveryId).toBeUndefined()
    expect(event.attempt).toBeUndefined()
    expect(event.source).toBeUndefined()
  })

  it('accepts the OpenSSL vector of a Meta status payload and flattens it', async () => {
    const event = await verifyWebhook({
      body: META_BODY,
      headers: {
        'x-kirim-signature': `t=${T},v1=${META_SIG}`,
        'x-kirim-event': 'message.status',
        'x-kirim-event-id': 'evt_01JZ8XB0000000000000000000',
        'x-kirim-source': 'meta',
      },
      secret: SECRET,
      now: T,
    })
    expect(event.type).toBe('message.status')
    expect(statusUpdates(event)).toMatchObject([
      {
        wamid: 'wamid.HBgNNjI4MTMzMzMzMzMzFQIAERgSQzVBNTk0RkM2MzM0QkQ3MEE3AA==',
        status: 'failed',
        recipient: '+628133333333',
        errors: [
          { code: 131026, title: 'Message undeliverable', message: 'Message undeliverable' },
        ],
      },
    ])
  })

  it('agrees with a live openssl run on a body it has never seen (unicode included)', async () => {
    const body = JSON.stringify({
      id: `evt_${crypto.randomUUID()}`,
      type: 'conversation.closed',
      created_at: new Date().toISOString(),
      data: { id: 'cnv_01JZ8XC0000000000000000000', note: `Sampai jumpa 👋 ${Math.random()}` },
    })
    const t = Math.floor(Date.now() / 1000)
    const expected = openssl(OLD_SECRET, encoder.encode(`${t}.${body}`))
    expect(await signWebhook({ body, secret: OLD_SECRET, timestamp: t })).toBe(
      `t=${t},v1=${expected}`,
    )
    const event = await verifyWebhook({
      body,
      headers: { 'x-kirim-signature': `t=${t},v1=${expected}` },
      secret: OLD_SECRET,
    })
    expect(event.type).toBe('conversation.closed')
  })

  it.each([
    ['a string', () => UNICODE_BODY],
    ['a Uint8Array of its UTF-8', () => encoder.encode(UNICODE_BODY)],
    ['an ArrayBuffer', () => encoder.encode(UNICODE_BODY).buffer],
    ['a Node Buffer', () => Buffer.from(UNICODE_BODY, 'utf8')],
    [
      'a view into a larger buffer',
      () => {
        const bytes = encoder.encode(`xx${UNICODE_BODY}yy`)
        return bytes.subarray(2, bytes.length - 2)
      },
    ],
  ])('verifies a unicode body given as %s (the UTF-8 bytes are signed)', async (_, body) => {
    const event = await verifyWebhook(withSignature(`t=${T},v1=${UNICODE_SIG}`, { body: body() }))
    expect(event.type).toBe('contact.updated')
    expect(event.data).toMatchObject({ name: 'Siti Nurhaliza 🌸', note: 'Terima kasih — ñ' })
  })

  it('accepts headers as a Headers object', async () => {
    const headers = new Headers({ 'X-Kirim-Signature': `t=${T},v1=${SIG}`, 'X-Kirim-Attempt': '2' })
    const event = await verifyWebhook(options({ headers }))
    expect(event.attempt).toBe(2)
  })

  it('accepts a record with header names in any case and array values', async () => {
    const event = await verifyWebhook(
      options({
        headers: {
          'X-Kirim-Signature': [`t=${T},v1=${SIG_OLD}`, `v1=${SIG}`],
          'X-KIRIM-EVENT': ['contact.created'],
          'x-kirim-delivery-id': undefined,
        },
      }),
    )
    expect(event.type).toBe('contact.created')
    expect(event.deliveryId).toBeUndefined()
  })

  it('ignores unknown schemes and spaces around elements', async () => {
    const deadbeef = 'de'.repeat(32)
    await expect(
      verifyWebhook(withSignature(` v0=${deadbeef} , t=${T} ,v2=anything, v1=${SIG} `)),
    ).resolves.toMatchObject({ type: 'contact.created' })
  })

  it('signs t exactly as sent: leading zeros are part of the signed payload', async () => {
    const padded = `0${T}`
    const expected = openssl(SECRET, encoder.encode(`${padded}.${BODY}`))
    await expect(verifyWebhook(withSignature(`t=${padded},v1=${expected}`))).resolves.toMatchObject(
      {
        timestamp: new Date(T * 1000),
      },
    )
    await rejection(verifyWebhook(withSignature(`t=${padded},v1=${SIG}`)), 'signature_mismatch')
  })

  it('accepts a signature written in upper-case hex', async () => {
    await expect(
      verifyWebhook(withSignature(`t=${T},v1=${SIG.toUpperCase()}`)),
    ).resolves.toMatchObject({
      type: 'contact.created',
    })
  })

  it('imports the key of a secret once and reuses it', async () => {
    const importKey = vi.spyOn(crypto.subtle, 'importKey')
    const secret = `whsec_cache_${crypto.randomUUID()}`
    const signature = await signWebhook({ body: BODY, secret, timestamp: T })
    await verifyWebhook(withSignature(signature, { secret }))
    await verifyWebhook(withSignature(signature, { secret }))
    expect(importKey).toHaveBeenCalledTimes(1)
  })
})

describe('verifyWebhook: secret rotation', () => {
  const both = `t=${T},v1=${SIG_OLD},v1=${SIG}`

  it.each([
    ['the new secret alone', [SECRET]],
    ['the old secret alone', [OLD_SECRET]],
    ['both, new first', [SECRET, OLD_SECRET]],
    ['an unrelated secret, then the old one', ['whsec_unrelated', OLD_SECRET]],
  ])('accepts two v1 signatures under %s', async (_, secret) => {
    await expect(verifyWebhook(withSignature(both, { secret }))).resolves.toMatchObject({
      type: 'contact.created',
    })
  })

  it('accepts one signature made with the old secret when both secrets are configured', async () => {
    await expect(
      verifyWebhook(withSignature(`t=${T},v1=${SIG_OLD}`, { secret: [SECRET, OLD_SECRET] })),
    ).resolves.toMatchObject({ type: 'contact.created' })
  })

  it('refuses two signatures when neither secret made them', async () => {
    const error = await rejection(
      verifyWebhook(withSignature(both, { secret: ['whsec_a', 'whsec_b'] })),
      'signature_mismatch',
    )
    expect(error.message).toContain('2 signature(s), 2 secret(s)')
  })
})

describe('verifyWebhook: missing_secret', () => {
  it.each([
    ['undefined', undefined],
    ['an empty string', ''],
    ['an empty array', []],
    ['an array with an empty string', [SECRET, '']],
    ['a number', 42 as unknown as string],
  ])('refuses a secret that is %s', async (_, secret) => {
    const error = await rejection(verifyWebhook(options({ secret })), 'missing_secret')
    expect(error.code).toBe('missing_secret')
  })
})

describe('verifyWebhook: missing_signature', () => {
  it.each([
    ['absent', {}],
    ['empty', { 'x-kirim-signature': '' }],
    ['blank', { 'x-kirim-signature': '   ' }],
    ['an empty array', { 'x-kirim-signature': [] }],
  ])('refuses a request whose X-Kirim-Signature is %s', async (_, headers) => {
    await rejection(verifyWebhook(options({ headers })), 'missing_signature')
  })
})

describe('verifyWebhook: malformed_signature', () => {
  const eleven = Array.from({ length: 11 }, () => `v1=${SIG}`).join(',')
  it.each([
    ['is not a list of elements', 'garbage'],
    ['has no t', `v1=${SIG}`],
    ['has no v1', `t=${T}`],
    ['has only an unknown scheme', `t=${T},v0=${SIG}`],
    ['has two t', `t=${T},t=${T},v1=${SIG}`],
    ['has a fractional t', `t=${T}.5,v1=${SIG}`],
    ['has a negative t', `t=-${T},v1=${SIG}`],
    ['has a t in ISO form', `t=2025-06-15T15:06:40Z,v1=${SIG}`],
    ['has an empty t', `t=,v1=${SIG}`],
    ['has a t beyond safe integers', `t=99999999999999999999,v1=${SIG}`],
    ['has a short v1', `t=${T},v1=${SIG.slice(2)}`],
    ['has a non-hex v1', `t=${T},v1=${'zz'.repeat(32)}`],
    ['has a base64 v1', `t=${T},v1=ZGVhZGJlZWY=`],
    ['has an empty element', `t=${T},,v1=${SIG}`],
    ['ends with a comma', `t=${T},v1=${SIG},`],
    ['has an element with no scheme', `t=${T},=${SIG}`],
    ['has more than ten v1', `t=${T},${eleven}`],
  ])('refuses a header that %s', async (_, header) => {
    await rejection(verifyWebhook(withSignature(header)), 'malformed_signature')
  })

  it('accepts exactly ten v1 signatures', async () => {
    const ten = Array.from({ length: 10 }, () => `v1=${SIG_OLD}`)
    ten[9] = `v1=${SIG}`
    await expect(verifyWebhook(withSignature(`t=${T},${ten.join(',')}`))).resolves.toMatchObject({
      type: 'contact.created',
    })
  })
})

describe('verifyWebhook: timestamp_outside_tolerance', () => {
  const header = `t=${T},v1=${SIG}`

  it.each([
    ['exactly 300 s old', T + 300],
    ['exactly 300 s in the future', T - 300],
    ['current', T],
  ])('accepts a signature %s', async (_, now) => {
    await expect(verifyWebhook(withSignature(header, { now }))).resolves.toMatchObject({
      type: 'contact.created',
    })
  })

  it('refuses a signature 301 s old', async () => {
    const error = await rejection(
      verifyWebhook(withSignature(header, { now: T + 301 })),
      'timestamp_outside_tolerance',
    )
    expect(error.message).toContain('301 s old')
  })

  it('refuses a signature 301 s in the future', async () => {
    const error = await rejection(
      verifyWebhook(withSignature(header, { now: T - 301 })),
      'timestamp_outside_tolerance',
    )
    expect(error.message).toContain('301 s in the future')
  })

  it('takes now as a Date, ignoring its milliseconds', async () => {
    const ok = new Date((T + 300) * 1000 + 999)
    await expect(verifyWebhook(withSignature(header, { now: ok }))).resolves.toBeDefined()
    await rejection(
      verifyWebhook(withSignature(header, { now: new Date((T + 301) * 1000) })),
      'timestamp_outside_tolerance',
    )
  })

  it('uses the system clock when now is not given', async () => {
    vi.useFakeTimers({ now: (T + 300) * 1000 })
    try {
      await expect(verifyWebhook(withSignature(header, { now: undefined }))).resolves.toBeDefined()
      vi.setSystemTime((T + 301) * 1000)
      await rejection(
        verifyWebhook(withSignature(header, { now: undefined })),
        'timestamp_outside_tolerance',
      )
    } finally {
      vi.useRealTimers()
    }
  })

  it('honours a custom tolerance at its edge', async () => {
    await expect(
      verifyWebhook(withSignature(header, { now: T + 10, tolerance: 10 })),
    ).resolves.toBeDefined()
    await rejection(
      verifyWebhook(withSignature(header, { now: T + 11, tolerance: 10 })),
      'timestamp_outside_tolerance',
    )
    await expect(
      verifyWebhook(withSignature(header, { now: T, tolerance: 0 })),
    ).resolves.toBeDefined()
    await rejection(
      verifyWebhook(withSignature(header, { now: T + 1, tolerance: 0 })),
      'timestamp_outside_tolerance',
    )
  })

  it('skips the check with tolerance Infinity', async () => {
    await expect(
      verifyWebhook(withSignature(header, { now: T + 10 * 365 * 86_400, tolerance: Infinity })),
    ).resolves.toBeDefined()
  })

  it('checks the timestamp before the signature', async () => {
    await rejection(
      verifyWebhook(withSignature(`t=${T},v1=${'0'.repeat(64)}`, { now: T + 301 })),
      'timestamp_outside_tolerance',
    )
  })

  it.each([
    ['now in milliseconds', { now: T * 1000 }],
    ['a negative now', { now: -1 }],
    ['a NaN now', { now: Number.NaN }],
    ['an invalid Date', { now: new Date('nope') }],
    ['a negative tolerance', { tolerance: -1 }],
    ['a NaN tolerance', { tolerance: Number.NaN }],
    ['missing headers', { headers: undefined as unknown as Headers }],
  ])('throws a ValidationError for %s', async (_, overrides) => {
    await expect(verifyWebhook(options(overrides))).rejects.toBeInstanceOf(ValidationError)
  })

  it('lists every broken option at once, each with its path', async () => {
    const error = await verifyWebhook({
      ...options(),
      body: { parsed: true } as never,
      headers: null as never,
      tolerance: -1,
      now: T * 1000,
    }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).issues).toEqual([
      { path: 'body', message: expect.stringContaining('must be the raw request body') },
      { path: 'headers', message: expect.stringContaining('must be a Headers object') },
      { path: 'tolerance', message: 'must be a number of seconds, 0 or more (got -1)' },
      { path: 'now', message: expect.stringContaining('must be in seconds, not milliseconds') },
    ])
    expect((error as ValidationError).message).not.toContain(SECRET)
  })

  it('refuses options that are not an object', async () => {
    await expect(verifyWebhook(null as never)).rejects.toMatchObject({
      issues: [{ path: '', message: 'must be an options object (got null)' }],
    })
  })
})

describe('verifyWebhook: signature_mismatch', () => {
  it('refuses the same JSON re-serialised with different whitespace', async () => {
    const reserialised = JSON.stringify(JSON.parse(BODY), null, 2)
    expect(JSON.parse(reserialised)).toEqual(JSON.parse(BODY))
    const error = await rejection(
      verifyWebhook(options({ body: reserialised })),
      'signature_mismatch',
    )
    expect(error.message).toContain('raw body')
  })

  it('refuses a body with one character changed, without quoting the expected signature', async () => {
    const tampered = BODY.replace('contact.created', 'contact.updated')
    const expected = (await signWebhook({ body: tampered, secret: SECRET, timestamp: T })).slice(
      -64,
    )
    const error = await rejection(verifyWebhook(options({ body: tampered })), 'signature_mismatch')
    expect(error.message).not.toContain(expected)
  })

  it('refuses a signature moved to another timestamp', async () => {
    await rejection(verifyWebhook(withSignature(`t=${T + 1},v1=${SIG}`)), 'signature_mismatch')
  })

  it('refuses a signature made with another secret', async () => {
    await rejection(verifyWebhook(options({ secret: OLD_SECRET })), 'signature_mismatch')
  })

  it('does not strip or decode the whsec_ prefix: the whole string is the key', async () => {
    await rejection(
      verifyWebhook(options({ secret: SECRET.slice('whsec_'.length) })),
      'signature_mismatch',
    )
  })

  it('refuses the unicode body re-encoded as Latin-1', async () => {
    const latin1 = Uint8Array.from(UNICODE_BODY, (char) => char.charCodeAt(0) & 0xff)
    await rejection(
      verifyWebhook(withSignature(`t=${T},v1=${UNICODE_SIG}`, { body: latin1 })),
      'signature_mismatch',
    )
  })

  it('verifies the signature before reading the body (a forged non-JSON body is a mismatch)', async () => {
    await rejection(verifyWebhook(options({ body: 'not json' })), 'signature_mismatch')
  })

  it('throws a ValidationError, not a mismatch, for a body that was already parsed', async () => {
    const parsed = JSON.parse(BODY) as unknown as string
    await expect(verifyWebhook(options({ body: parsed }))).rejects.toThrow(/raw request body/)
  })
})

describe('verifyWebhook: invalid_payload (the signature is valid)', () => {
  async function signed(body: string | Uint8Array, headers: Record<string, string> = {}) {
    const signature = await signWebhook({ body, secret: SECRET, timestamp: T })
    return verifyWebhook({
      body,
      headers: { 'x-kirim-signature': signature, ...headers },
      secret: SECRET,
      now: T,
    })
  }

  it('refuses a body that is not JSON', async () => {
    const error = await rejection(
      signed('hello', { 'x-kirim-event': 'contact.created' }),
      'invalid_payload',
    )
    expect(error.message).toContain('not JSON')
    expect(error.cause).toBeInstanceOf(SyntaxError)
  })

  it('refuses a body that is not UTF-8', async () => {
    const error = await rejection(
      signed(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])),
      'invalid_payload',
    )
    expect(error.message).toContain('UTF-8')
  })

  it("refuses a Kirim event missing a field, naming the field's path", async () => {
    const body = JSON.stringify({ id: 'evt_1', type: 'contact.created', data: {} })
    const error = await rejection(signed(body), 'invalid_payload')
    expect(error.message).toContain('created_at')
    expect(error.message).toContain('contact.created')
  })

  it('refuses a Meta event whose status has no wamid, naming the path', async () => {
    const body = META_BODY.replace('"id":"wamid.', '"wamid":"wamid.')
    const error = await rejection(
      signed(body, { 'x-kirim-event': 'message.status', 'x-kirim-event-id': 'evt_2' }),
      'invalid_payload',
    )
    expect(error.message).toContain('entry.0.changes.0.value.statuses.0.id')
  })

  it('refuses a header type that contradicts the signed body', async () => {
    const error = await rejection(
      signed(BODY, { 'x-kirim-event': 'contact.updated' }),
      'invalid_payload',
    )
    expect(error.message).toContain('contact.updated')
  })

  it('refuses a header event id that contradicts the signed body', async () => {
    await rejection(signed(BODY, { 'x-kirim-event-id': 'evt_someone_else' }), 'invalid_payload')
  })

  it('refuses a Meta event without X-Kirim-Event-Id', async () => {
    const error = await rejection(
      signed(META_BODY, { 'x-kirim-event': 'message.status' }),
      'invalid_payload',
    )
    expect(error.message).toContain('X-Kirim-Event-Id')
  })

  it('refuses a body whose type cannot be told', async () => {
    await rejection(signed(META_BODY, { 'x-kirim-event-id': 'evt_3' }), 'invalid_payload')
  })

  it.each(['0', '-1', 'two', '1.5'])('refuses X-Kirim-Attempt %j', async (attempt) => {
    await rejection(signed(BODY, { 'x-kirim-attempt': attempt }), 'invalid_payload')
  })

  it('is a KirimError with a stable type and code', async () => {
    const error = await rejection(signed('[]'), 'invalid_payload')
    expect(error).toBeInstanceOf(KirimError)
    expect(error.name).toBe('WebhookVerificationError')
    expect(error.type).toBe('webhook_verification_error')
    expect(error.code).toBe('invalid_payload')
    expect(error.status).toBeUndefined()
  })
})
