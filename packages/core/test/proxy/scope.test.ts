import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  as,
  CLOSED_WINDOW,
  envelopeOf,
  expectNoKeyLeak,
  mint,
  OPEN_WINDOW,
  type Stack,
  send,
  startStack,
  text,
} from './fixtures.ts'

let stack: Stack
beforeAll(async () => {
  stack = await startStack({ webhooks: false })
})
afterAll(async () => {
  await stack.close()
  expectNoKeyLeak()
})

const template = (name = 'reengagement', to = CLOSED_WINDOW) => ({
  to,
  type: 'template',
  template: { name, language: 'id_ID' },
})

/** Sends and expects a 403 permission_error with `code` and `param`, and no upstream call. */
async function expectForbidden(token: string, body: unknown, code: string, param?: string) {
  const before = stack.upstreamCalls.length
  const response = await send(stack, token, body)
  expect(response.status).toBe(403)
  const error = await envelopeOf(response)
  expect(error).toMatchObject({ type: 'permission_error', code })
  if (param !== undefined) expect(error.param).toBe(param)
  expect(stack.upstreamCalls.length).toBe(before)
}

describe('scope: types', () => {
  it('allows the listed types and refuses the others (scope_type_forbidden)', async () => {
    const token = await mint(stack, as('u_types', { types: ['template'] }))
    expect((await send(stack, token, template())).status).toBe(202)
    await expectForbidden(token, text(), 'scope_type_forbidden', 'type')
    await expectForbidden(
      token,
      { to: OPEN_WINDOW, type: 'image', image: { url: 'https://example.com/a.png' } },
      'scope_type_forbidden',
    )
  })

  it('allows nothing with an empty list', async () => {
    const token = await mint(stack, as('u_none', { types: [] }))
    await expectForbidden(token, template(), 'scope_type_forbidden')
  })
})

describe('scope: recipients', () => {
  it('matches exact numbers', async () => {
    const token = await mint(stack, as('u_exact', { recipients: [OPEN_WINDOW] }))
    expect((await send(stack, token, text(OPEN_WINDOW))).status).toBe(202)
    await expectForbidden(token, text('+6281111111112'), 'scope_recipient_forbidden', 'to')
    await expectForbidden(token, text('+62811111111'), 'scope_recipient_forbidden', 'to')
  })

  it('matches prefixes ending in *', async () => {
    const token = await mint(stack, as('u_prefix', { recipients: ['+62811*', '+628122222222'] }))
    expect((await send(stack, token, text('+628111111111'))).status).toBe(202)
    expect((await send(stack, token, template('reengagement', '+628122222222'))).status).toBe(202)
    await expectForbidden(token, text('+628133333333'), 'scope_recipient_forbidden')
    await expectForbidden(token, text('+6281'), 'scope_recipient_forbidden')
    await expectForbidden(token, text('+16281111111'), 'scope_recipient_forbidden')
  })
})

describe('scope: templates', () => {
  it('allows the listed templates only, and leaves other types alone', async () => {
    const token = await mint(stack, as('u_tmpl', { templates: ['reengagement'] }))
    expect((await send(stack, token, template('reengagement'))).status).toBe(202)
    await expectForbidden(
      token,
      template('order_confirmation'),
      'scope_template_forbidden',
      'template.name',
    )
    await expectForbidden(token, template('reengagement_v2'), 'scope_template_forbidden')
    expect((await send(stack, token, text())).status).toBe(202)
  })
})

describe('scope: maxSends', () => {
  it('allows exactly maxSends sends per token, then 403 quota_exceeded; a new token starts afresh', async () => {
    const scope = { maxSends: 2 }
    const token = await mint(stack, as('u_quota', scope))
    expect((await send(stack, token, text())).status).toBe(202)
    expect((await send(stack, token, text())).status).toBe(202)
    await expectForbidden(token, text(), 'quota_exceeded')
    const fresh = await mint(stack, as('u_quota', scope))
    expect((await send(stack, fresh, text())).status).toBe(202)
  })

  it('counts a send once per Idempotency-Key: replays do not use the quota', async () => {
    const token = await mint(stack, as('u_replay', { maxSends: 1 }))
    const key = crypto.randomUUID()
    const first = await send(stack, token, text(), { 'idempotency-key': key })
    expect(first.status).toBe(202)
    expect(first.headers.get('idempotent-replayed')).toBe('false')
    const replay = await send(stack, token, text(), { 'idempotency-key': key })
    expect(replay.status).toBe(202)
    expect(replay.headers.get('idempotent-replayed')).toBe('true')
    expect(((await replay.json()) as { data: { id: string } }).data.id).toBe(
      ((await first.json()) as { data: { id: string } }).data.id,
    )
    await expectForbidden(token, text(), 'quota_exceeded')
    await expectForbidden(token, text(), 'quota_exceeded')
  })

  it('gives the quota back when upstream answers 4xx (nothing was sent)', async () => {
    const token = await mint(stack, as('u_refund', { maxSends: 1 }))
    // A `from` the organisation does not own: upstream refuses with 403, nothing is sent.
    const refused = await send(stack, token, { ...text(), from: '+6285100000000' })
    expect(refused.status).toBe(403)
    expect((await envelopeOf(refused)).code).toBe('phone_number_forbidden')
    expect((await send(stack, token, text())).status).toBe(202)
    await expectForbidden(token, text(), 'quota_exceeded')
  })

  it('keeps the count when upstream answers 5xx (a send may have happened)', async () => {
    const token = await mint(stack, as('u_5xx', { maxSends: 1 }))
    const fault = await fetch(`${stack.emulatorServer.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: '500', count: 1 }),
    })
    expect(fault.status).toBeLessThan(300)
    const failed = await send(stack, token, text())
    expect(failed.status).toBe(500)
    expect((await envelopeOf(failed)).type).toBe('api_error')
    await expectForbidden(token, text(), 'quota_exceeded')
  })

  it('refuses every send with maxSends: 0', async () => {
    const token = await mint(stack, as('u_zero', { maxSends: 0 }))
    await expectForbidden(token, text(), 'quota_exceeded')
  })

  it('counts concurrent sends exactly: one left, two at once, one goes', async () => {
    const token = await mint(stack, as('u_race', { maxSends: 1 }))
    const before = stack.upstreamCalls.length
    const answers = await Promise.all([send(stack, token, text()), send(stack, token, text())])
    expect(answers.map((answer) => answer.status).sort()).toEqual([202, 403])
    expect(stack.upstreamCalls.length).toBe(before + 1)
  })
})

describe('scope: checked in order type → recipient → template', () => {
  it('reports the type first', async () => {
    const token = await mint(
      stack,
      as('u_order', { types: ['text'], recipients: [OPEN_WINDOW], templates: [] }),
    )
    await expectForbidden(token, template('x', '+15550000000'), 'scope_type_forbidden')
  })
})

describe('authorize scope validation', () => {
  it('refuses at /token a scope that breaks a rule (500, reported), so no token carries it', async () => {
    for (const scope of [
      { recipients: ['0811'] },
      { recipients: ['+62*811'] },
      { recipients: ['*'] },
      { types: ['sticker'] },
      { templates: ['Bad Name'] },
      { maxSends: 1.5 },
      { maxSends: -1 },
      { recipients: '+62811*' },
    ]) {
      const response = await fetch(`${stack.base}/token`, {
        method: 'POST',
        headers: as('u', scope),
      })
      expect(response.status, JSON.stringify(scope)).toBe(500)
      await response.body?.cancel()
    }
  })
})

describe('scope: senders', () => {
  it('requires a listed `from` in an organisation with several numbers', async () => {
    const own = await startStack({
      webhooks: false,
      emulator: { numbers: ['+628511760008029', '+628511760008030'] },
    })
    try {
      const token = await mint(own, as('u_senders', { senders: ['+628511760008029'] }))
      const from = (sender?: string) => ({
        ...text(OPEN_WINDOW),
        ...(sender ? { from: sender } : {}),
      })
      expect((await send(own, token, from('+628511760008029'))).status).toBe(202)
      for (const body of [from('+628511760008030'), from()]) {
        const before = own.upstreamCalls.length
        const response = await send(own, token, body)
        expect(response.status).toBe(403)
        expect(await envelopeOf(response)).toMatchObject({
          type: 'permission_error',
          code: 'scope_sender_forbidden',
          param: 'from',
        })
        expect(own.upstreamCalls.length).toBe(before)
      }
    } finally {
      await own.close()
    }
  })
})
