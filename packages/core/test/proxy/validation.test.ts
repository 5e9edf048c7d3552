import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  as,
  envelopeOf,
  expectNoKeyLeak,
  mint,
  type Stack,
  send,
  startStack,
  text,
} from './fixtures.ts'

let stack: Stack
let token: string
beforeAll(async () => {
  stack = await startStack({ webhooks: false })
  token = await mint(stack)
})
afterAll(async () => {
  await stack.close()
  expectNoKeyLeak()
})

/** Sends and expects a refusal with `status` and `code`, and no upstream call. */
async function expectRefused(
  body: unknown,
  status: number,
  code: string,
  headers: Record<string, string> = {},
) {
  const before = stack.upstreamCalls.length
  const response = await send(stack, token, body, headers)
  expect(response.status).toBe(status)
  const error = await envelopeOf(response)
  expect(error.code).toBe(code)
  expect(stack.upstreamCalls.length).toBe(before)
  return error
}

describe('POST /v1/messages body validation (core schemas)', () => {
  it('answers 400 validation_failed listing every issue with its path', async () => {
    const error = await expectRefused(
      { to: '0811', type: 'text', text: { body: '' } },
      400,
      'validation_failed',
    )
    expect(error.type).toBe('invalid_request_error')
    expect(error.param).toBe('to')
    expect(error.issues).toEqual([
      { path: 'to', message: expect.stringContaining('E.164') },
      { path: 'text.body', message: expect.any(String) },
    ])
  })

  it('checks limits at their edges: 4096 characters pass, 4097 do not', async () => {
    expect((await send(stack, token, text(undefined, 'a'.repeat(4096)))).status).toBe(202)
    const error = await expectRefused(text(undefined, 'a'.repeat(4097)), 400, 'validation_failed')
    expect(error.param).toBe('text.body')
  })

  it('refuses a body that is not JSON (invalid_json), or not UTF-8', async () => {
    await expectRefused('{"to":', 400, 'invalid_json')
    await expectRefused('', 400, 'invalid_json')
    const before = stack.upstreamCalls.length
    const response = await fetch(`${stack.base}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: new Uint8Array([0x7b, 0xff, 0x7d]),
    })
    expect(response.status).toBe(400)
    expect((await envelopeOf(response)).code).toBe('invalid_json')
    expect(stack.upstreamCalls.length).toBe(before)
  })

  it('refuses a body that is not declared JSON (415 unsupported_media_type)', async () => {
    await expectRefused(JSON.stringify(text()), 415, 'unsupported_media_type', {
      'content-type': 'text/plain',
    })
    await expectRefused(JSON.stringify(text()), 415, 'unsupported_media_type', {
      'content-type': 'application/jsonp',
    })
    expect(
      (await send(stack, token, text(), { 'content-type': 'application/json; charset=utf-8' }))
        .status,
    ).toBe(202)
  })

  it('reads at most 1 MiB: exactly 1 MiB passes, one byte more is 413 request_too_large', async () => {
    const json = JSON.stringify(text())
    const exact = json + ' '.repeat(1_048_576 - json.length)
    expect(new TextEncoder().encode(exact).length).toBe(1_048_576)
    expect((await send(stack, token, exact)).status).toBe(202)
    await expectRefused(`${exact} `, 413, 'request_too_large')
  })

  it('sends upstream the JSON that was validated: with duplicate keys, the value checked is the value sent', async () => {
    const scoped = await mint(stack, as('u_dup', { recipients: ['+628111111111'] }))
    const body = '{"to":"+628133333333","type":"text","text":{"body":"x"},"to":"+628111111111"}'
    const response = await send(stack, scoped, body)
    expect(response.status).toBe(202)
    const { data } = (await response.json()) as { data: { to: string } }
    expect(data.to).toBe('+628111111111')
  })
})

describe('Idempotency-Key', () => {
  it('accepts 1–255 printable ASCII characters and refuses 256 (invalid_idempotency_key)', async () => {
    expect((await send(stack, token, text(), { 'idempotency-key': 'k'.repeat(255) })).status).toBe(
      202,
    )
    const error = await expectRefused(text(), 400, 'invalid_idempotency_key', {
      'idempotency-key': 'k'.repeat(256),
    })
    expect(error.param).toBe('Idempotency-Key')
  })

  it('checks the client’s rule at its edges: 1 character, spaces inside; never a control or non-ASCII character', async () => {
    for (const key of ['k', 'order 42 / retry ~1']) {
      expect((await send(stack, token, text(), { 'idempotency-key': key })).status, key).toBe(202)
    }
    for (const key of ['tab\there', 'clé']) {
      const error = await expectRefused(text(), 400, 'invalid_idempotency_key', {
        'idempotency-key': key,
      })
      expect(error.message).toBe(
        'Idempotency-Key must be 1–255 printable ASCII characters, without a space at either end.',
      )
    }
  })

  it('is namespaced per subject upstream: one subject replays its own sends, never another’s', async () => {
    const key = crypto.randomUUID()
    const alice = await mint(stack, as('alice'))
    const bob = await mint(stack, as('bob'))
    const first = await send(stack, alice, text(), { 'idempotency-key': key })
    const again = await send(stack, alice, text(), { 'idempotency-key': key })
    const other = await send(stack, bob, text(), { 'idempotency-key': key })
    const id = async (response: Response) =>
      ((await response.json()) as { data: { id: string } }).data.id
    const [a1, a2, b1] = [await id(first), await id(again), await id(other)]
    expect(a2).toBe(a1)
    expect(b1).not.toBe(a1)
    expect(other.headers.get('idempotent-replayed')).toBe('false')
    // Bob cannot block Alice either: a different body under her key is Bob's own first send.
    const blocked = await send(stack, bob, text(undefined, 'other body'), {
      'idempotency-key': `${key}-x`,
    })
    expect(blocked.status).toBe(202)
    const upstreamKeys = stack.upstreamHeaders.map((headers) => headers.get('idempotency-key'))
    expect(upstreamKeys).not.toContain(key)
    expect(
      upstreamKeys.filter((k) => k !== null).every((k) => /^kp_[A-Za-z0-9_-]{43}$/.test(k!)),
    ).toBe(true)
  })
})
