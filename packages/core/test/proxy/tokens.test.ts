import { base64url, decodeJwt, decodeProtectedHeader, SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  as,
  browserFetch,
  envelopeOf,
  expectNoKeyLeak,
  extraProxy,
  mint,
  OTHER_SECRET,
  reportedErrors,
  type Stack,
  send,
  startStack,
  TOKEN_SECRET,
  text,
} from './fixtures.ts'

const encoder = new TextEncoder()
const now = () => Math.floor(Date.now() / 1000)

let stack: Stack
let kid: string
beforeAll(async () => {
  stack = await startStack({ webhooks: false })
  kid = decodeProtectedHeader(await mint(stack)).kid!
})
afterAll(async () => {
  await stack.close()
  expectNoKeyLeak()
})

/** Claims a real proxy token would carry, for hand-made tokens. */
function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    iss: 'urn:kirim:proxy',
    aud: 'urn:kirim:proxy',
    sub: 'user_1',
    iat: now(),
    exp: now() + 300,
    jti: crypto.randomUUID(),
    ...overrides,
  }
}

const part = (value: unknown) => base64url.encode(encoder.encode(JSON.stringify(value)))

/** A JWS made by hand: any header, any payload, HMAC-SHA-`bits` with `secret` (or no signature). */
async function craft(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  secret?: string,
  bits = 256,
): Promise<string> {
  const input = `${part(header)}.${part(payload)}`
  if (secret === undefined) return `${input}.`
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: `SHA-${bits}` },
    false,
    ['sign'],
  )
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(input))
  return `${input}.${base64url.encode(new Uint8Array(mac))}`
}

/** Sends with `token` and expects a 401 with `code`, and no upstream call. */
async function expectRefused(token: string | undefined, code: string, base = stack.base) {
  const before = stack.upstreamCalls.length
  const response = await browserFetch(`${base}/v1/messages`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify(text()),
  })
  expect(response.status).toBe(401)
  expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="kirim-proxy"/)
  const error = await envelopeOf(response)
  expect(error.type).toBe('authentication_error')
  expect(error.code).toBe(code)
  expect(error.request_id).toMatch(/^req_[0-9A-HJKMNP-TV-Z]{26}$/)
  expect(response.headers.get('x-request-id')).toBe(error.request_id)
  expect(stack.upstreamCalls.length).toBe(before)
}

describe('POST /token', () => {
  it('answers { token, expiresIn } with an HS256 JWT carrying sub, iat, exp, jti, iss, aud and kid', async () => {
    const response = await browserFetch(`${stack.base}/token`, {
      method: 'POST',
      headers: as('user_42', { types: ['text'], recipients: ['+62811*'], maxSends: 3 }),
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const body = (await response.json()) as { token: string; expiresIn: number }
    expect(body.expiresIn).toBe(300)
    const header = decodeProtectedHeader(body.token)
    expect(header).toEqual({ alg: 'HS256', typ: 'kirim-proxy+jwt', kid })
    const payload = decodeJwt(body.token)
    expect(payload).toMatchObject({
      sub: 'user_42',
      iss: 'urn:kirim:proxy',
      aud: 'urn:kirim:proxy',
      scope: { types: ['text'], recipients: ['+62811*'], maxSends: 3 },
    })
    expect(payload.exp! - payload.iat!).toBe(300)
    expect(Math.abs(payload.iat! - now())).toBeLessThanOrEqual(2)
    expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/)
    expect(decodeJwt(await mint(stack)).jti).not.toBe(payload.jti)
  })

  it('derives the kid from the secret: the same secret gives the same kid, another secret another', async () => {
    const same = await extraProxy(stack, { tokenSecret: TOKEN_SECRET })
    const other = await extraProxy(stack, { tokenSecret: OTHER_SECRET })
    try {
      const sameKid = decodeProtectedHeader(await mint({ ...stack, base: same.base })).kid
      const otherKid = decodeProtectedHeader(await mint({ ...stack, base: other.base })).kid
      expect(sameKid).toBe(kid)
      expect(otherKid).not.toBe(kid)
      expect(kid).toMatch(/^[A-Za-z0-9_-]{16}$/)
      expect(TOKEN_SECRET).not.toContain(kid)
    } finally {
      await same.close()
      await other.close()
    }
  })

  it('honours tokenTtl', async () => {
    const short = await extraProxy(stack, { tokenTtl: 3600 })
    try {
      const response = await browserFetch(`${short.base}/token`, { method: 'POST' })
      const body = (await response.json()) as { token: string; expiresIn: number }
      expect(body.expiresIn).toBe(3600)
      const payload = decodeJwt(body.token)
      expect(payload.exp! - payload.iat!).toBe(3600)
    } finally {
      await short.close()
    }
  })

  it('answers 401 not_authorized when authorize returns null', async () => {
    const response = await browserFetch(`${stack.base}/token`, {
      method: 'POST',
      headers: as('nobody'),
    })
    expect(response.status).toBe(401)
    expect(await envelopeOf(response)).toMatchObject({
      type: 'authentication_error',
      code: 'not_authorized',
    })
  })

  it('answers 500 without details, and reports, when authorize throws or returns a bad grant', async () => {
    const failing = await extraProxy(stack, {
      authorize: (request) => {
        const mode = request.headers.get('x-mode')
        if (mode === 'throw') throw new Error('database down')
        if (mode === 'scope') return { subject: 'u', scope: { recipient: ['+62811*'] } as never }
        if (mode === 'subject') return { subject: '' }
        return undefined as never
      },
    })
    try {
      for (const [mode, reported] of [
        ['throw', 'database down'],
        ['scope', 'scope.recipient is not a scope field'],
        ['subject', 'subject of 1–256 characters'],
        ['undefined', 'must return { subject, scope? } or null'],
      ] as const) {
        const errors = reportedErrors.length
        const response = await browserFetch(`${failing.base}/token`, {
          method: 'POST',
          headers: { 'x-mode': mode },
        })
        expect(response.status).toBe(500)
        const error = await envelopeOf(response)
        expect(error).toMatchObject({ type: 'api_error', code: 'internal_error' })
        expect(error.message).not.toContain(reported)
        expect(reportedErrors.length).toBe(errors + 1)
        expect(reportedErrors.at(-1)!.message).toContain(reported)
      }
    } finally {
      await failing.close()
    }
  })

  it('refuses a scope too large for a token (over 8192 characters), and accepts one just under', async () => {
    const recipients = (count: number) =>
      Array.from({ length: count }, (_, i) => `+62811${String(i).padStart(9, '0')}`)
    const big = await browserFetch(`${stack.base}/token`, {
      method: 'POST',
      headers: as('u', { recipients: recipients(500) }),
    })
    expect(big.status).toBe(500)
    const fits = await browserFetch(`${stack.base}/token`, {
      method: 'POST',
      headers: as('u', { recipients: recipients(100) }),
    })
    expect(fits.status).toBe(200)
  })

  it('answers 405 with Allow to other methods', async () => {
    const response = await browserFetch(`${stack.base}/token`)
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('POST')
  })
})

describe('token verification', () => {
  it('accepts a minted token', async () => {
    const response = await send(stack, await mint(stack), text())
    expect(response.status).toBe(202)
  })

  it('refuses a request without a token (missing_token)', async () => {
    await expectRefused(undefined, 'missing_token')
  })

  it('refuses an Authorization header that is not Bearer (malformed_token)', async () => {
    const before = stack.upstreamCalls.length
    for (const header of [
      'Basic dXNlcjpwYXNz',
      'Bearer',
      'Bearer a b',
      `Token ${await mint(stack)}`,
    ]) {
      const response = await send(stack, undefined, text(), { authorization: header })
      expect(response.status).toBe(401)
      expect((await envelopeOf(response)).code).toBe('malformed_token')
    }
    expect(stack.upstreamCalls.length).toBe(before)
  })

  it('refuses garbage (malformed_token)', async () => {
    await expectRefused('not-a-jwt', 'malformed_token')
    await expectRefused('a.b.c', 'malformed_token')
    await expectRefused(`${'a'.repeat(8193)}`, 'malformed_token')
  })

  it('refuses an expired token signed with the real secret (token_expired)', async () => {
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'kirim-proxy+jwt', kid })
      .setIssuer('urn:kirim:proxy')
      .setAudience('urn:kirim:proxy')
      .setSubject('user_1')
      .setIssuedAt(now() - 400)
      .setExpirationTime(now() - 100)
      .setJti(crypto.randomUUID())
      .sign(encoder.encode(TOKEN_SECRET))
    await expectRefused(expired, 'token_expired')
    // The same token a second before its expiry is fine: only the clock differs.
    const fresh = await craft(
      { alg: 'HS256', typ: 'kirim-proxy+jwt', kid },
      claims({ exp: now() + 2 }),
      TOKEN_SECRET,
    )
    expect((await send(stack, fresh, text())).status).toBe(202)
  })

  it('refuses a token signed with another secret: unknown kid, or our kid with a wrong signature', async () => {
    const other = await extraProxy(stack, { tokenSecret: OTHER_SECRET })
    try {
      const foreign = await mint({ ...stack, base: other.base })
      await expectRefused(foreign, 'token_key_unknown')
    } finally {
      await other.close()
    }
    const forged = await craft(
      { alg: 'HS256', typ: 'kirim-proxy+jwt', kid },
      claims(),
      OTHER_SECRET,
    )
    await expectRefused(forged, 'token_signature_invalid')
    const noKid = await craft({ alg: 'HS256', typ: 'kirim-proxy+jwt' }, claims(), TOKEN_SECRET)
    await expectRefused(noKid, 'token_key_unknown')
  })

  it('refuses alg: none, and any algorithm but HS256 even with the right secret', async () => {
    await expectRefused(
      await craft({ alg: 'none', typ: 'kirim-proxy+jwt', kid }, claims()),
      'token_algorithm_not_allowed',
    )
    await expectRefused(await craft({ alg: 'none', kid }, claims()), 'token_algorithm_not_allowed')
    await expectRefused(
      await craft({ alg: 'HS512', typ: 'kirim-proxy+jwt', kid }, claims(), TOKEN_SECRET, 512),
      'token_algorithm_not_allowed',
    )
    await expectRefused(
      await craft({ alg: 'RS256', typ: 'kirim-proxy+jwt', kid }, claims(), TOKEN_SECRET),
      'token_algorithm_not_allowed',
    )
  })

  it('refuses a tampered payload (a widened scope, another subject) under the original signature', async () => {
    const token = await mint(stack, as('user_1', { maxSends: 1, recipients: ['+628111111111'] }))
    const [header, , signature] = token.split('.')
    for (const payload of [
      { ...decodeJwt(token), scope: { maxSends: 1000 } },
      { ...decodeJwt(token), sub: 'admin' },
      { ...decodeJwt(token), exp: now() + 3000 },
    ]) {
      await expectRefused(`${header}.${part(payload)}.${signature}`, 'token_signature_invalid')
    }
    // A tampered header too (kid kept, typ dropped).
    const retyped = `${part({ alg: 'HS256', kid })}.${token.split('.')[1]}.${signature}`
    await expectRefused(retyped, 'token_signature_invalid')
  })

  it('refuses a well-signed JWT that is not a proxy token (typ, iss, aud, missing claims, too long a life, bad scope)', async () => {
    const header = { alg: 'HS256', typ: 'kirim-proxy+jwt', kid }
    const cases: [Record<string, unknown>, Record<string, unknown>][] = [
      [{ alg: 'HS256', typ: 'JWT', kid }, claims()],
      [{ alg: 'HS256', kid }, claims()],
      [header, claims({ iss: 'https://my-app.example' })],
      [header, claims({ aud: 'something-else' })],
      [header, claims({ jti: undefined })],
      [header, claims({ sub: undefined })],
      [header, claims({ iat: undefined })],
      [header, claims({ exp: undefined })],
      [header, claims({ sub: '' })],
      [header, claims({ iat: now(), exp: now() + 3601 })],
      [header, claims({ iat: now() + 120 })],
      [header, claims({ nbf: now() + 120 })],
      [header, claims({ scope: { maxSends: -1 } })],
      [header, claims({ scope: { everything: true } })],
      [header, claims({ scope: 'messages:send' })],
    ]
    for (const [h, payload] of cases) {
      await expectRefused(await craft(h, payload, TOKEN_SECRET), 'token_claims_invalid')
    }
    // The edge: a life of exactly 3600 s is accepted.
    const longest = await craft(header, claims({ iat: now(), exp: now() + 3600 }), TOKEN_SECRET)
    expect((await send(stack, longest, text())).status).toBe(202)
  })
})

describe('key rotation', () => {
  it('signs with the first secret, verifies with all, and refuses old tokens once the old secret is removed', async () => {
    const oldToken = await mint(stack)
    const rotating = await extraProxy(stack, { tokenSecret: [OTHER_SECRET, TOKEN_SECRET] })
    const rotated = await extraProxy(stack, { tokenSecret: [OTHER_SECRET] })
    try {
      // During the rotation: old tokens still work, new ones are signed with the new secret.
      expect((await send({ ...stack, base: rotating.base }, oldToken, text())).status).toBe(202)
      const newToken = await mint({ ...stack, base: rotating.base })
      expect(decodeProtectedHeader(newToken).kid).not.toBe(kid)
      expect((await send({ ...stack, base: rotating.base }, newToken, text())).status).toBe(202)
      // After it: the old secret is gone, and its tokens with it; the new ones still work.
      await expectRefused(oldToken, 'token_key_unknown', rotated.base)
      expect((await send({ ...stack, base: rotated.base }, newToken, text())).status).toBe(202)
    } finally {
      await rotating.close()
      await rotated.close()
    }
  })
})
