import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  bodyParams,
  CLOSED,
  expectAccepted,
  expectApiError,
  type Harness,
  HOUR,
  type MessageEnvelope,
  MINUTE,
  NOT_ON_WHATSAPP,
  OPEN,
  OTHER_ORG,
  OTHER_ORG_KEY,
  SECOND,
  sleep,
  startEmulator,
  templateTo,
  textTo,
} from './helpers.ts'

let h: Harness
beforeAll(async () => {
  h = await startEmulator()
})
afterAll(async () => {
  await h?.close()
})

const withKey = (key: string, extra: Record<string, string> = {}) => ({
  headers: { 'idempotency-key': key, ...extra },
})

async function storedWith(harness: Harness, key: string) {
  return (await harness.stored()).filter((m) => m.idempotency_key === key)
}

/** Posts a raw JSON string with a key. */
function postRaw(harness: Harness, json: string, key: string, extra: Record<string, string> = {}) {
  return harness.request<MessageEnvelope>('POST', '/v1/messages', {
    raw: json,
    headers: { 'content-type': 'application/json', 'idempotency-key': key, ...extra },
  })
}

describe('replay', () => {
  it('answers the first request with Idempotent-Replayed: false and stores the key', async () => {
    const key = randomUUID()
    const r = await h.send(templateTo(OPEN), withKey(key))
    expectAccepted(r)
    expect(r.headers.get('idempotent-replayed')).toBe('false')
    const stored = await storedWith(h, key)
    expect(stored).toHaveLength(1)
    expect(stored[0]!.id).toBe(r.body.data.id)
  })

  it('replays the same key and body: same status, byte-identical body, one stored message', async () => {
    const key = randomUUID()
    const total = (await h.stored()).length
    const first = await h.send(templateTo(OPEN), withKey(key))
    expectAccepted(first)
    const second = await h.send(templateTo(OPEN), withKey(key))
    const third = await h.send(templateTo(OPEN), withKey(key))
    for (const again of [second, third]) {
      expect(again.status).toBe(first.status)
      expect(again.text).toBe(first.text)
      expect(again.headers.get('idempotent-replayed')).toBe('true')
    }
    expect(await storedWith(h, key)).toHaveLength(1)
    expect(await h.stored()).toHaveLength(total + 1)
  })

  it('replays verbatim even after the message moved on', async () => {
    const key = randomUUID()
    const first = await h.send(templateTo(OPEN), withKey(key))
    expectAccepted(first)
    await h.advance(60 * SECOND)
    expect((await h.message(first.body.data.id)).status).toBe('read')
    const again = await h.send(templateTo(OPEN), withKey(key))
    expect(again.text).toBe(first.text)
    expect(again.body.data.status).toBe('pending')
  })

  it('replays the pending answer of a send that failed later, without its later error', async () => {
    const key = randomUUID()
    const first = await h.send(templateTo(NOT_ON_WHATSAPP), withKey(key))
    expectAccepted(first)
    await h.advance(60 * SECOND)
    expect((await h.message(first.body.data.id)).status).toBe('failed')
    const again = await h.send(templateTo(NOT_ON_WHATSAPP), withKey(key))
    expect(again.text).toBe(first.text)
    expect(again.body.data).not.toHaveProperty('error')
  })

  it('replays a send that failed at once (window closed) without sending again', async () => {
    const key = randomUUID()
    const first = await h.send(textTo(CLOSED), withKey(key))
    expectAccepted(first, 'failed')
    const again = await h.send(textTo(CLOSED), withKey(key))
    expect(again.status).toBe(first.status)
    expect(again.text).toBe(first.text)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(await storedWith(h, key)).toHaveLength(1)
  })

  it('treats JSON with keys in another order and other whitespace as the same body', async () => {
    const key = randomUUID()
    const a =
      '{"to":"+628111111111","type":"template","template":{"name":"order_confirmation","language":"id_ID","components":[{"type":"body","parameters":[{"type":"text","text":"John"},{"type":"text","text":"ORD-1"}]}]}}'
    const b = `{
      "template": { "components": [ { "parameters": [ { "text": "John", "type": "text" }, { "text": "ORD-1", "type": "text" } ], "type": "body" } ],
                    "language": "id_ID", "name": "order_confirmation" },
      "type": "template",
      "to": "+628111111111"
    }`
    const first = await postRaw(h, a, key)
    expectAccepted(first)
    const second = await postRaw(h, b, key)
    expect(second.status).toBe(first.status)
    expect(second.text).toBe(first.text)
    expect(second.headers.get('idempotent-replayed')).toBe('true')
    expect(await storedWith(h, key)).toHaveLength(1)
  })
})

describe('reuse with another body', () => {
  it('answers 422 idempotency_key_reuse and sends nothing', async () => {
    const key = randomUUID()
    expectAccepted(await h.send(templateTo(OPEN), withKey(key)))
    const changed = await h.send(
      templateTo(OPEN, 'otp_code', 'en_US', bodyParams('123456')),
      withKey(key),
    )
    expectApiError(changed, {
      status: 422,
      type: 'invalid_request_error',
      code: 'idempotency_key_reuse',
    })
    const otherRecipient = await h.send(templateTo(CLOSED), withKey(key))
    expectApiError(otherRecipient, {
      status: 422,
      type: 'invalid_request_error',
      code: 'idempotency_key_reuse',
    })
    expect(await storedWith(h, key)).toHaveLength(1)
  })

  it('treats the same key on another path as a reuse', async () => {
    const key = randomUUID()
    expectAccepted(await h.send(templateTo(OPEN), withKey(key)))
    const elsewhere = await h.request('POST', '/v1/webhook_subscriptions', {
      ...withKey(key),
      body: templateTo(OPEN),
    })
    expectApiError(elsewhere, {
      status: 422,
      type: 'invalid_request_error',
      code: 'idempotency_key_reuse',
    })
  })

  it('keeps array order significant in the canonical body', async () => {
    const key = randomUUID()
    const params = (x: string, y: string) =>
      templateTo(OPEN, 'order_confirmation', 'id_ID', bodyParams(x, y))
    expectAccepted(await h.send(params('John', 'ORD-1'), withKey(key)))
    const swapped = await h.send(params('ORD-1', 'John'), withKey(key))
    expectApiError(swapped, {
      status: 422,
      type: 'invalid_request_error',
      code: 'idempotency_key_reuse',
    })
  })
})

describe('refused requests', () => {
  it('keeps nothing for a 4xx: the corrected request under the same key is sent', async () => {
    const key = randomUUID()
    const refused = await h.send({ to: '0811', type: 'text', text: { body: 'Halo' } }, withKey(key))
    expectApiError(refused, {
      status: 400,
      type: 'invalid_request_error',
      code: 'invalid_phone_number',
    })
    expect(await storedWith(h, key)).toHaveLength(0)
    const corrected = await h.send(textTo(OPEN), withKey(key))
    expectAccepted(corrected)
    expect(corrected.headers.get('idempotent-replayed')).toBe('false')
    expect(await storedWith(h, key)).toHaveLength(1)
  })
})

describe('in flight', () => {
  it('makes a second request with the same key wait for the first, then replays it', async () => {
    const key = randomUUID()
    const json = JSON.stringify(templateTo(OPEN))
    const slow = postRaw(h, json, key, {
      'x-emulator-fault': 'latency',
      'x-emulator-latency': '600',
    })
    await sleep(150)
    const started = performance.now()
    const second = await postRaw(h, json, key)
    const waited = performance.now() - started
    const first = await slow
    expectAccepted(first)
    expect(first.headers.get('idempotent-replayed')).toBe('false')
    expect(second.status).toBe(first.status)
    expect(second.text).toBe(first.text)
    expect(second.headers.get('idempotent-replayed')).toBe('true')
    expect(waited).toBeGreaterThan(250)
    expect(await storedWith(h, key)).toHaveLength(1)
  })

  it('answers 409 idempotency_in_progress once idempotencyWaitMs runs out', async () => {
    const impatient = await startEmulator({ idempotencyWaitMs: 100 })
    try {
      const key = randomUUID()
      const json = JSON.stringify(templateTo(OPEN))
      const slow = postRaw(impatient, json, key, {
        'x-emulator-fault': 'latency',
        'x-emulator-latency': '1000',
      })
      await sleep(150)
      const second = await postRaw(impatient, json, key)
      expectApiError(second, { status: 409, type: 'conflict', code: 'idempotency_in_progress' })
      expect(second.elapsedMs).toBeGreaterThanOrEqual(80)
      expect(second.elapsedMs).toBeLessThan(700)

      const first = await slow
      expectAccepted(first)
      const third = await postRaw(impatient, json, key)
      expect(third.text).toBe(first.text)
      expect(third.headers.get('idempotent-replayed')).toBe('true')
      expect(await storedWith(impatient, key)).toHaveLength(1)
    } finally {
      await impatient.close()
    }
  })
})

describe('24 hours on the clock', () => {
  it('keeps a key for 24 h, then processes it afresh', async () => {
    const timed = await startEmulator()
    try {
      const key = randomUUID()
      const first = await timed.send(templateTo(OPEN), withKey(key))
      expectAccepted(first)

      await timed.advance(23 * HOUR + 59 * MINUTE)
      const within = await timed.send(templateTo(OPEN), withKey(key))
      expect(within.text).toBe(first.text)
      expect(within.headers.get('idempotent-replayed')).toBe('true')

      await timed.advance(2 * MINUTE)
      const after = await timed.send(templateTo(OPEN), withKey(key))
      const fresh = expectAccepted(after)
      expect(after.headers.get('idempotent-replayed')).toBe('false')
      expect(fresh.id).not.toBe(first.body.data.id)
      expect(await storedWith(timed, key)).toHaveLength(2)

      // An expired key may even carry another body.
      const other = randomUUID()
      expectAccepted(await timed.send(templateTo(OPEN), withKey(other)))
      await timed.advance(25 * HOUR)
      const changed = await timed.send(templateTo(CLOSED), withKey(other))
      expectAccepted(changed)
      expect(changed.headers.get('idempotent-replayed')).toBe('false')
    } finally {
      await timed.close()
    }
  })
})

describe('scope', () => {
  it('scopes keys to the organisation', async () => {
    const scoped = await startEmulator({ organizations: [OTHER_ORG] })
    try {
      const key = randomUUID()
      const mine = await scoped.send(templateTo(OPEN), withKey(key))
      expectAccepted(mine)

      const theirs = await scoped.send(templateTo(CLOSED), { ...withKey(key), key: OTHER_ORG_KEY })
      const theirMessage = expectAccepted(theirs)
      expect(theirs.headers.get('idempotent-replayed')).toBe('false')
      expect(theirMessage.id).not.toBe(mine.body.data.id)

      const theirsAgain = await scoped.send(templateTo(CLOSED), {
        ...withKey(key),
        key: OTHER_ORG_KEY,
      })
      expect(theirsAgain.text).toBe(theirs.text)
      const mineAgain = await scoped.send(templateTo(OPEN), withKey(key))
      expect(mineAgain.text).toBe(mine.text)
      expect(mineAgain.headers.get('idempotent-replayed')).toBe('true')
      expect(await storedWith(scoped, key)).toHaveLength(2)
    } finally {
      await scoped.close()
    }
  })
})

describe('faults and retries', () => {
  it.each([
    ['500', 500],
    ['503', 503],
    ['429', 429],
  ])('does not store a %s fault answer: the retry processes once', async (kind, status) => {
    const key = randomUUID()
    const faulted = await h.send(templateTo(OPEN), withKey(key, { 'x-emulator-fault': kind }))
    expect(faulted.status).toBe(status)
    expect(await storedWith(h, key)).toHaveLength(0)

    const retry = await h.send(templateTo(OPEN), withKey(key))
    expectAccepted(retry)
    expect(retry.headers.get('idempotent-replayed')).toBe('false')
    const again = await h.send(templateTo(OPEN), withKey(key))
    expect(again.text).toBe(retry.text)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(await storedWith(h, key)).toHaveLength(1)
  })

  it('replays the stored message after drop_after: exactly one stored', async () => {
    const key = randomUUID()
    await expect(
      h.send(templateTo(OPEN), withKey(key, { 'x-emulator-fault': 'drop_after' })),
    ).rejects.toThrow(TypeError)
    const stored = await storedWith(h, key)
    expect(stored).toHaveLength(1)

    const retry = await h.send(templateTo(OPEN), withKey(key))
    expectAccepted(retry)
    expect(retry.headers.get('idempotent-replayed')).toBe('true')
    expect(retry.body.data.id).toBe(stored[0]!.id)
    expect(await storedWith(h, key)).toHaveLength(1)
  })

  it('processes the retry afresh after drop_before: nothing was stored', async () => {
    const key = randomUUID()
    await expect(
      h.send(templateTo(OPEN), withKey(key, { 'x-emulator-fault': 'drop_before' })),
    ).rejects.toThrow(TypeError)
    expect(await storedWith(h, key)).toHaveLength(0)
    const retry = await h.send(templateTo(OPEN), withKey(key))
    expectAccepted(retry)
    expect(retry.headers.get('idempotent-replayed')).toBe('false')
    expect(await storedWith(h, key)).toHaveLength(1)
  })
})

describe('reset', () => {
  it('POST /_emulator/reset forgets messages and keys', async () => {
    const fresh = await startEmulator()
    try {
      const key = randomUUID()
      const first = await fresh.send(templateTo(OPEN), withKey(key))
      expectAccepted(first)
      const reset = await fresh.request('POST', '/_emulator/reset', { key: null })
      expect(reset.status).toBeLessThan(300)
      expect(await fresh.stored()).toHaveLength(0)
      const again = await fresh.send(templateTo(OPEN), withKey(key))
      expectAccepted(again)
      expect(again.headers.get('idempotent-replayed')).toBe('false')
      const notFound = await fresh.get(`/v1/messages/${first.body.data.id}`)
      expectApiError(notFound, { status: 404, type: 'not_found', code: 'resource_not_found' })

      // emulator.reset() does the same in-process.
      fresh.emulator.reset()
      expect(await fresh.stored()).toHaveLength(0)
      const afterReset = await fresh.send(templateTo(OPEN), withKey(key))
      expect(afterReset.headers.get('idempotent-replayed')).toBe('false')
    } finally {
      await fresh.close()
    }
  })
})
