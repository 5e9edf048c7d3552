import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { hmacHex, signatureHeader } from './signature.ts'

describe('signatureHeader', () => {
  it('is t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<raw body>"> keyed with the secret string', async () => {
    const body = '{"object":"whatsapp_business_account","entry":[]}'
    const secret = 'whsec_test_secret'
    const expected = createHmac('sha256', secret).update(`1716537600.${body}`).digest('hex')
    expect(await signatureHeader(secret, 1716537600, body)).toBe(`t=1716537600,v1=${expected}`)
  })

  it('matches RFC 4231 test case 2', async () => {
    expect(await hmacHex('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    )
  })

  it('signs non-ASCII bodies over their UTF-8 bytes', async () => {
    const body = '{"text":"Halo 😀 é"}'
    const expected = createHmac('sha256', 's').update(`1.${body}`, 'utf8').digest('hex')
    expect(await signatureHeader('s', 1, body)).toBe(`t=1,v1=${expected}`)
  })
})
