import { decodeJwt, decodeProtectedHeader } from 'jose'
import { describe, expect, it } from 'vitest'
import {
  CLOCK_TOLERANCE,
  deriveKid,
  importKeyring,
  MAX_TOKEN_TTL,
  mintToken,
  verifyToken,
} from './token.ts'

const A = 'secret-a-0123456789abcdef0123456789'
const B = 'secret-b-0123456789abcdef0123456789'

describe('deriveKid', () => {
  it('is stable per secret, distinct across secrets, and reveals nothing readable', async () => {
    expect(await deriveKid(A)).toBe(await deriveKid(A))
    expect(await deriveKid(A)).not.toBe(await deriveKid(B))
    expect(await deriveKid(A)).toMatch(/^[A-Za-z0-9_-]{16}$/)
  })
})

describe('mintToken / verifyToken', () => {
  it('round-trips subject, scope and lifetime', async () => {
    const keyring = await importKeyring([A])
    const token = await mintToken(keyring, {
      subject: 'u1',
      scope: { maxSends: 2 },
      ttl: 60,
      now: 1_000_000,
    })
    expect(decodeProtectedHeader(token)).toEqual({
      alg: 'HS256',
      typ: 'kirim-proxy+jwt',
      kid: await deriveKid(A),
    })
    expect(decodeJwt(token)).toMatchObject({
      sub: 'u1',
      iat: 1_000_000,
      exp: 1_000_060,
      scope: { maxSends: 2 },
    })
    const fresh = await mintToken(keyring, { subject: 'u1', scope: undefined, ttl: MAX_TOKEN_TTL })
    const result = await verifyToken(keyring, fresh)
    expect(result.ok && result.claims).toMatchObject({ sub: 'u1', scope: undefined })
    expect('scope' in decodeJwt(fresh)).toBe(false)
  })

  it('verifies with every key of the ring and signs with the first', async () => {
    const old = await importKeyring([A])
    const rotating = await importKeyring([B, A])
    const token = await mintToken(old, { subject: 'u', scope: undefined, ttl: 60 })
    expect((await verifyToken(rotating, token)).ok).toBe(true)
    expect(rotating.signing.kid).toBe(await deriveKid(B))
    const after = await importKeyring([B])
    expect(await verifyToken(after, token)).toMatchObject({ ok: false, code: 'token_key_unknown' })
  })

  it('tolerates a few seconds of clock skew between instances, not more', async () => {
    const keyring = await importKeyring([A])
    const now = Math.floor(Date.now() / 1000)
    const mint = (at: number, ttl = 60) =>
      mintToken(keyring, { subject: 'u', scope: undefined, ttl, now: at })
    // Minted by an instance whose clock runs ahead.
    expect((await verifyToken(keyring, await mint(now + CLOCK_TOLERANCE - 1))).ok).toBe(true)
    expect(await verifyToken(keyring, await mint(now + 60))).toMatchObject({ ok: false })
    // Expired a moment ago by this instance's clock, within the skew.
    expect((await verifyToken(keyring, await mint(now - 61, 60))).ok).toBe(true)
    expect(await verifyToken(keyring, await mint(now - 120, 60))).toMatchObject({
      ok: false,
      code: 'token_expired',
    })
  })

  it('keys are not extractable', async () => {
    const keyring = await importKeyring([A])
    expect(keyring.signing.key.extractable).toBe(false)
    await expect(crypto.subtle.exportKey('raw', keyring.signing.key)).rejects.toThrow()
  })
})
