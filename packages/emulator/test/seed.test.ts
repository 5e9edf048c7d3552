import { existsSync, readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  API_KEY,
  CLOSED,
  expectAccepted,
  expectFailed,
  type Harness,
  type MessageEnvelope,
  MSG_ID,
  NUMBER,
  OPEN,
  REQ_ID,
  SECOND,
  startEmulator,
  templateTo,
} from './helpers.ts'
import { SEED_EXAMPLES, SEED_PAGE } from './seed-examples.ts'

let h: Harness
const START = Date.parse('2026-05-24T08:00:00.000Z')

beforeAll(async () => {
  h = await startEmulator({ now: START })
})
afterAll(async () => {
  await h?.close()
})

describe('the seed page "Send Your First Message"', () => {
  it.skipIf(!existsSync(SEED_PAGE))('has every example of the page in the fixture', () => {
    const page = readFileSync(SEED_PAGE, 'utf8')
    for (const example of SEED_EXAMPLES) expect(page).toContain(example.json)
  })

  it.each(SEED_EXAMPLES)(
    'accepts "$name" as printed: 202, pending, msg_ and req_ ids',
    async (example) => {
      const headers: Record<string, string> = {
        authorization: `Bearer ${API_KEY}`,
        'content-type': 'application/json',
      }
      if (example.idempotencyKey) headers['idempotency-key'] = example.idempotencyKey
      const r = await h.request<MessageEnvelope>('POST', '/v1/messages', {
        raw: example.json,
        headers,
      })
      expect(r.status, r.text).toBe(202)
      expect(r.body.data.status).toBe('pending')
      expect(r.body.data.id).toMatch(MSG_ID)
      expect(r.body.data.id).toMatch(/^msg_[0-9A-HJKMNP-TV-Z]{26}$/)
      expect(r.body.request_id).toMatch(REQ_ID)
      expect(r.headers.get('x-request-id')).toBe(r.body.request_id)
      if (example.idempotencyKey) expect(r.headers.get('idempotent-replayed')).toBe('false')

      const m = expectAccepted(r)
      const sent = JSON.parse(example.json) as { to: string; type: string }
      expect(m.to).toBe(sent.to)
      expect(m.type).toBe(sent.type)
      // `from` is always the resolved sender, even when the page omits it.
      expect(m.from).toBe(NUMBER)
      expect(m.created_at).toBe(new Date(START).toISOString())
    },
  )

  it('answers in the documented response shape: { data: Message, request_id }', async () => {
    const r = await h.send({ to: OPEN, type: 'text', text: { body: 'Halo dari Kirim' } })
    const m = expectAccepted(r)
    expect(Object.keys(r.body).sort()).toEqual(['data', 'request_id'])
    expect(m).toMatchObject({
      object: 'message',
      to: OPEN,
      from: NUMBER,
      type: 'text',
      status: 'pending',
      created_at: '2026-05-24T08:00:00.000Z',
      updated_at: '2026-05-24T08:00:00.000Z',
    })
    expect(m.provider_message_id).toMatch(/^wamid\./)
    expect(m).not.toHaveProperty('error')
  })

  it('moves every seed example on to read as the clock runs', async () => {
    const ids: string[] = []
    for (const example of SEED_EXAMPLES) {
      // No idempotency key here: the accept test above already used the page's key.
      const r = await h.request<{ data: { id: string } }>('POST', '/v1/messages', {
        raw: example.json,
        headers: { 'content-type': 'application/json' },
      })
      expect(r.status, r.text).toBe(202)
      ids.push(r.body.data.id)
    }
    await h.advance(60 * SECOND)
    for (const id of ids) expect((await h.message(id)).status).toBe('read')
  })

  it("runs the page's fallback: outside_24h_window, then the reengagement template", async () => {
    const first = await h.send({ to: CLOSED, type: 'text', text: { body: 'Halo' } })
    const failed = expectAccepted(first, 'failed')
    expectFailed(failed, 'outside_24h_window', 131047)

    const fallback = await h.send(templateTo(CLOSED, 'reengagement', 'id_ID'))
    const m = expectAccepted(fallback)
    expect(m.type).toBe('template')
    expect(m.to).toBe(CLOSED)
  })

  it("replays the page's curl with its Idempotency-Key instead of sending twice", async () => {
    const example = SEED_EXAMPLES.find((e) => e.idempotencyKey)!
    const before = (await h.stored()).filter((m) => m.idempotency_key === example.idempotencyKey)
    expect(before).toHaveLength(1)
    const again = await h.request('POST', '/v1/messages', {
      raw: example.json,
      headers: {
        'content-type': 'application/json',
        'idempotency-key': example.idempotencyKey!,
      },
    })
    expect(again.status).toBe(202)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    const after = (await h.stored()).filter((m) => m.idempotency_key === example.idempotencyKey)
    expect(after).toHaveLength(1)
    expect((again.body as { data: { id: string } }).data.id).toBe(after[0]!.id)
  })
})
