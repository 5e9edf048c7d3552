import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  countingFetch,
  emulatorApiKey,
  emulatorNumber,
  type RunningEmulator,
  startEmulator,
} from '../../test/support/emulator.ts'
import { Kirim } from '../client/Kirim.ts'
import { AuthenticationError } from '../errors/AuthenticationError.ts'
import { InvalidRequestError } from '../errors/InvalidRequestError.ts'
import { NotFoundError } from '../errors/NotFoundError.ts'
import { PermissionError } from '../errors/PermissionError.ts'
import type { TextMessageBody } from '../schemas/index.ts'
import type { BaseKirimOptions } from '../types/options.ts'

// A second organisation with two numbers: `from` is required there.
const multiKey = 'kdv_live_multinumbermultinumber00'
const multiNumbers = ['+628511760001111', '+628511760002222']
const expiredKey = 'kdv_live_expiredexpiredexpired000'
const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

let env: RunningEmulator
beforeAll(async () => {
  env = await startEmulator({
    expiredApiKeys: [expiredKey],
    organizations: [{ name: 'Multi', apiKeys: [multiKey], numbers: multiNumbers }],
  })
})
afterAll(() => env.close())
beforeEach(() => env.reset())

const client = (options: Partial<BaseKirimOptions> & { apiKey?: string } = {}) => {
  const counter = countingFetch()
  const kirim = new Kirim({
    apiKey: emulatorApiKey,
    baseUrl: env.url,
    fetch: counter.fetch,
    ...options,
  })
  return { kirim, counter }
}

describe('messages.send', () => {
  it('sends a text message and returns the stored Message, with a fresh UUID idempotency key', async () => {
    const { kirim, counter } = client()
    const message = await kirim.messages.send({
      to: '+628111111111',
      type: 'text',
      text: { body: 'Halo dari Kirim' },
    })
    expect(message).toMatchObject({
      object: 'message',
      to: '+628111111111',
      from: emulatorNumber,
      type: 'text',
      status: 'pending',
    })
    expect(message.id).toMatch(/^msg_[0-9A-Z]{26}$/)
    expect(counter.sent).toHaveLength(1)
    expect(counter.sent[0]).toMatchObject({ method: 'POST', path: '/v1/messages', status: 202 })
    expect(counter.sent[0]?.idempotencyKey).toMatch(uuidV4)
    const stored = await env.stored()
    expect(stored.map((m) => [m.id, m.idempotency_key])).toEqual([
      [message.id, counter.sent[0]?.idempotencyKey],
    ])
  })

  it('makes a new key per logical send', async () => {
    const { kirim, counter } = client()
    const body = { to: '+628111111111', type: 'text', text: { body: 'Halo' } } as const
    const [a, b] = await Promise.all([kirim.messages.send(body), kirim.messages.send(body)])
    expect(a.id).not.toBe(b.id)
    expect(new Set(counter.sent.map((r) => r.idempotencyKey)).size).toBe(2)
    expect(await env.stored()).toHaveLength(2)
  })

  it("works with the seed page's sendWithFallback: a closed window fails, the template goes out", async () => {
    const { kirim } = client()
    async function sendWithFallback(payload: TextMessageBody) {
      const res = await kirim.messages.send(payload)
      if (res.status === 'failed' && res.error?.code === 'outside_24h_window') {
        return kirim.messages.send({
          to: payload.to,
          type: 'template',
          template: { name: 'reengagement', language: 'id_ID' },
        })
      }
      return res
    }
    const result = await sendWithFallback({
      to: '+628122222222',
      type: 'text',
      text: { body: 'Halo' },
    })
    expect(result).toMatchObject({ type: 'template', to: '+628122222222' })
    expect(result.status).not.toBe('failed')

    const stored = await env.stored()
    expect(stored.map((m) => [m.type, m.status])).toEqual([
      ['text', 'failed'],
      ['template', expect.not.stringMatching(/^failed$/)],
    ])
  })

  it('returns a delivery failure known at send time as a failed Message, not an error', async () => {
    const { kirim } = client()
    const failed = await kirim.messages.send({
      to: '+628144444444',
      type: 'text',
      text: { body: 'Halo' },
    })
    expect(failed.status).toBe('failed')
    expect(failed.error).toMatchObject({ code: 'recipient_blocked', provider_code: 1013 })
  })

  it("replays the caller's idempotency key: one stored message, the same id twice", async () => {
    const { kirim } = client()
    const body = {
      to: '+628111111111',
      type: 'text',
      text: { body: 'Pesanan 42 dikirim' },
    } as const
    const first = await kirim.messages.send(body, { idempotencyKey: 'order-42-shipped' })
    const again = await kirim.messages.send(body, { idempotencyKey: 'order-42-shipped' })
    expect(again.id).toBe(first.id)
    expect(await env.stored()).toHaveLength(1)

    const reused = kirim.messages.send(
      { ...body, text: { body: 'other' } },
      { idempotencyKey: 'order-42-shipped' },
    )
    await expect(reused).rejects.toBeInstanceOf(InvalidRequestError)
    await expect(reused).rejects.toMatchObject({ status: 422, code: 'idempotency_key_reuse' })
  })

  it('fills in the client-level from, and a message from wins over it', async () => {
    const bare = client({ apiKey: multiKey })
    const missing = bare.kirim.messages.send({
      to: '+628111111111',
      type: 'template',
      template: { name: 'reengagement', language: 'id_ID' },
    })
    await expect(missing).rejects.toMatchObject({
      status: 422,
      code: 'from_required',
      param: 'from',
    })

    const { kirim, counter } = client({ apiKey: multiKey, from: multiNumbers[1] })
    const defaulted = await kirim.messages.send({
      to: '+628111111111',
      type: 'template',
      template: { name: 'reengagement', language: 'id_ID' },
    })
    expect(defaulted.from).toBe(multiNumbers[1])
    const own = await kirim.messages.send({
      from: multiNumbers[0],
      to: '+628111111111',
      type: 'template',
      template: { name: 'reengagement', language: 'id_ID' },
    })
    expect(own.from).toBe(multiNumbers[0])
    expect(counter.count()).toBe(2)
  })

  it('maps a from the organisation does not own to PermissionError', async () => {
    const { kirim } = client({ from: '+628999999999' })
    const sending = kirim.messages.send({
      to: '+628111111111',
      type: 'text',
      text: { body: 'Halo' },
    })
    await expect(sending).rejects.toBeInstanceOf(PermissionError)
    await expect(sending).rejects.toMatchObject({
      status: 403,
      code: 'phone_number_forbidden',
      type: 'permission_error',
    })
  })

  it('throws AuthenticationError for a wrong or expired key, without retrying it', async () => {
    const wrong = client({ apiKey: 'kdv_live_wrongwrongwrongwrongwron' })
    const error = await wrong.kirim.messages
      .send({ to: '+628111111111', type: 'text', text: { body: 'x' } })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AuthenticationError)
    expect(error).toMatchObject({
      status: 401,
      type: 'authentication_error',
      code: 'invalid_api_key',
    })
    expect((error as AuthenticationError).requestId).toMatch(/^req_/)
    expect(wrong.counter.count()).toBe(1)

    const expired = client({ apiKey: expiredKey })
    await expect(expired.kirim.me()).rejects.toMatchObject({ status: 401, code: 'expired_api_key' })
  })
})

describe('messages.get', () => {
  it('fetches a message by id, and its status moves on', async () => {
    const { kirim } = client()
    const sent = await kirim.messages.send({
      to: '+628111111111',
      type: 'text',
      text: { body: 'Halo' },
    })
    const got = await kirim.messages.get(sent.id)
    expect(got).toMatchObject({ id: sent.id, to: '+628111111111', type: 'text' })
    expect(['pending', 'sent', 'delivered', 'read']).toContain(got.status)
  })

  it("throws NotFoundError for an unknown id and for another organisation's", async () => {
    const { kirim } = client()
    const unknown = await kirim.messages
      .get('msg_01HXYZABCDEFGHJKMNPQRSTVWX')
      .catch((e: unknown) => e)
    expect(unknown).toBeInstanceOf(NotFoundError)
    expect(unknown).toMatchObject({ status: 404, code: 'resource_not_found' })
    expect((unknown as NotFoundError).requestId).toMatch(/^req_/)

    const other = client({ apiKey: multiKey })
    const theirs = await other.kirim.messages.send({
      from: multiNumbers[0],
      to: '+628111111111',
      type: 'template',
      template: { name: 'reengagement', language: 'id_ID' },
    })
    await expect(kirim.messages.get(theirs.id)).rejects.toBeInstanceOf(NotFoundError)
  })

  it('sends the id path-encoded', async () => {
    const { kirim, counter } = client()
    await expect(kirim.messages.get('msg_a/../b?c')).rejects.toBeInstanceOf(NotFoundError)
    expect(counter.sent[0]?.path).toBe('/v1/messages/msg_a%2F..%2Fb%3Fc')
  })
})

describe('me and rateLimit', () => {
  it('returns the organisation behind the key and records the rate-limit headers', async () => {
    const { kirim } = client()
    expect(kirim.rateLimit).toBeUndefined()
    const me = await kirim.me()
    expect(me.api_key.last4).toBe(emulatorApiKey.slice(-4))
    expect(me.rate_limits).toMatchObject({ write_per_minute: 600, read_per_minute: 6000 })
    expect(kirim.rateLimit).toMatchObject({ limit: 6000 })
    expect(kirim.rateLimit?.remaining).toBeLessThan(6000)
    expect(kirim.rateLimit?.reset).toBeInstanceOf(Date)

    await kirim.messages.send({ to: '+628111111111', type: 'text', text: { body: 'Halo' } })
    expect(kirim.rateLimit).toMatchObject({ limit: 600, remaining: 599 })
  })
})
