import { base64url, decodeProtectedHeader } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Kirim, NotFoundError, PermissionError } from '../../src/index.ts'
import {
  as,
  browserFetch,
  envelopeOf,
  expectNoKeyLeak,
  extraProxy,
  mint,
  NOT_ON_WHATSAPP,
  OPEN_WINDOW,
  readEvents,
  type Stack,
  send,
  startStack,
  statusEvents,
  TOKEN_SECRET,
  text,
} from './fixtures.ts'

let stack: Stack
beforeAll(async () => {
  stack = await startStack()
})
afterAll(async () => {
  await stack.close()
  expectNoKeyLeak()
})

const BLOCKED = '+628144444444'

/** Opens the event stream with a token in the header (or the query). */
function openEvents(
  token: string,
  options: { query?: boolean; lastEventId?: string; base?: string } = {},
) {
  const base = options.base ?? stack.base
  const url = options.query ? `${base}/events?token=${encodeURIComponent(token)}` : `${base}/events`
  return browserFetch(url, {
    headers: {
      ...(options.query ? {} : { authorization: `Bearer ${token}` }),
      ...(options.lastEventId === undefined ? {} : { 'last-event-id': options.lastEventId }),
    },
  })
}

async function sendOk(
  token: string,
  body: unknown = text(),
): Promise<{ id: string; status: string }> {
  const response = await send(stack, token, body)
  expect(response.status).toBe(202)
  return ((await response.json()) as { data: { id: string; status: string } }).data
}

describe('the browser flow through the proxy', () => {
  it('mints a token, sends, and streams pending → sent → delivered → read', async () => {
    const token = await mint(stack)
    const events = await openEvents(token)
    expect(events.status).toBe(200)
    expect(events.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    expect(events.headers.get('cache-control')).toBe('no-cache, no-transform')
    expect(events.headers.get('x-accel-buffering')).toBe('no')

    const message = await sendOk(token)
    expect(message.status).toBe('pending')

    const frames = await readEvents(events, (frames) =>
      statusEvents(frames).some((event) => event.id === message.id && event.status === 'read'),
    )
    expect(frames[0]).toEqual({ retry: '3000' })
    const statuses = statusEvents(frames).filter((event) => event.id === message.id)
    expect(statuses.map((event) => event.status)).toEqual(['pending', 'sent', 'delivered', 'read'])
    for (const frame of frames.filter((frame) => frame.event === 'message.status')) {
      expect(frame.id).toMatch(/^[0-9a-z]+\.\d+$/)
    }
  })

  it('works with the SDK: new Kirim({ tokenUrl, baseUrl }) sends, reads and lists through the proxy', async () => {
    const kirim = new Kirim({
      tokenUrl: `${stack.base}/token`,
      baseUrl: stack.base,
      fetch: browserFetch,
    })
    const message = await kirim.messages.send({
      to: OPEN_WINDOW,
      type: 'text',
      text: { body: 'Halo dari SDK' },
    })
    expect(message.status).toBe('pending')
    const read = await kirim.messages.get(message.id)
    expect(read.id).toBe(message.id)
    const page = await kirim.templates.list({ status: 'approved', limit: 3 })
    expect(page.data.length).toBe(3)
    // The SDK maps the proxy's envelopes to its typed errors.
    await expect(kirim.messages.get('msg_01J0000000000000000000000A')).rejects.toBeInstanceOf(
      NotFoundError,
    )
    const scoped = new Kirim({
      token: await mint(stack, as('sdk_scoped', { types: ['template'] })),
      baseUrl: stack.base,
      fetch: browserFetch,
    })
    const refused = await scoped.messages.send(text() as never).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(PermissionError)
    expect((refused as PermissionError).code).toBe('scope_type_forbidden')
  })

  it('streams an asynchronous failure with Kirim’s error code', async () => {
    const token = await mint(stack, as('async_fail'))
    const events = await openEvents(token)
    const message = await sendOk(token, {
      to: NOT_ON_WHATSAPP,
      type: 'template',
      template: { name: 'reengagement', language: 'id_ID' },
    })
    const frames = await readEvents(events, (frames) =>
      statusEvents(frames).some((event) => event.id === message.id && event.status === 'failed'),
    )
    const failed = statusEvents(frames).find((event) => event.status === 'failed')!
    expect(failed.error).toEqual({
      code: 'recipient_not_on_whatsapp',
      message: expect.any(String),
      provider_code: 131026,
    })
  })

  it('streams a failure known at send time as the first event', async () => {
    const token = await mint(stack, as('sync_fail'))
    const events = await openEvents(token)
    const message = await sendOk(token, text(BLOCKED))
    expect(message.status).toBe('failed')
    const frames = await readEvents(events, (frames) => statusEvents(frames).length > 0)
    expect(statusEvents(frames)[0]).toMatchObject({
      id: message.id,
      status: 'failed',
      error: { code: 'recipient_blocked', provider_code: 1013 },
    })
  })
})

describe('GET /v1/messages/{id}: only the sender may read', () => {
  it('forwards the sender’s read, and answers 404 to anyone else without asking upstream', async () => {
    const alice = await mint(stack, as('alice'))
    const bob = await mint(stack, as('bob'))
    const message = await sendOk(alice)
    const own = await browserFetch(`${stack.base}/v1/messages/${message.id}`, {
      headers: { authorization: `Bearer ${alice}` },
    })
    expect(own.status).toBe(200)
    expect(((await own.json()) as { data: { id: string } }).data.id).toBe(message.id)

    const before = stack.upstreamCalls.length
    const other = await browserFetch(`${stack.base}/v1/messages/${message.id}`, {
      headers: { authorization: `Bearer ${bob}` },
    })
    expect(other.status).toBe(404)
    expect(await envelopeOf(other)).toMatchObject({ type: 'not_found', code: 'resource_not_found' })
    const unknown = await browserFetch(`${stack.base}/v1/messages/msg_01J0000000000000000000000A`, {
      headers: { authorization: `Bearer ${alice}` },
    })
    expect(unknown.status).toBe(404)
    expect(stack.upstreamCalls.length).toBe(before)
  })

  it('answers 404 for a message sent straight to the API (not through the proxy)', async () => {
    const direct = await fetch(`${stack.emulatorServer.url}/v1/messages`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer kdv_live_Pr0xyT3stK3y-n0tInBr0wsr',
        'content-type': 'application/json',
      },
      body: JSON.stringify(text()),
    })
    const { data } = (await direct.json()) as { data: { id: string } }
    const response = await browserFetch(`${stack.base}/v1/messages/${data.id}`, {
      headers: { authorization: `Bearer ${await mint(stack)}` },
    })
    expect(response.status).toBe(404)
  })
})

describe('GET /events', () => {
  it('carries only the subject’s own messages', async () => {
    const alice = await mint(stack, as('iso_alice'))
    const bob = await mint(stack, as('iso_bob'))
    const aliceEvents = await openEvents(alice)
    const bobEvents = await openEvents(bob)
    const fromAlice = await sendOk(alice)
    const fromBob = await sendOk(bob)
    const aliceFrames = await readEvents(aliceEvents, (frames) =>
      statusEvents(frames).some((event) => event.id === fromAlice.id && event.status === 'read'),
    )
    const bobFrames = await readEvents(bobEvents, (frames) =>
      statusEvents(frames).some((event) => event.id === fromBob.id && event.status === 'read'),
    )
    expect(new Set(statusEvents(aliceFrames).map((event) => event.id))).toEqual(
      new Set([fromAlice.id]),
    )
    expect(new Set(statusEvents(bobFrames).map((event) => event.id))).toEqual(new Set([fromBob.id]))
  })

  it('accepts the token as ?token= (EventSource cannot set headers)', async () => {
    const token = await mint(stack, as('query_user'))
    const events = await openEvents(token, { query: true })
    expect(events.status).toBe(200)
    const message = await sendOk(token)
    const frames = await readEvents(events, (frames) =>
      statusEvents(frames).some((event) => event.id === message.id),
    )
    expect(statusEvents(frames)[0]?.id).toBe(message.id)
  })

  it('refuses a stream without a valid token with a 401 envelope, not a stream', async () => {
    const missing = await browserFetch(`${stack.base}/events`)
    expect(missing.status).toBe(401)
    expect((await envelopeOf(missing)).code).toBe('missing_token')
    const bad = await browserFetch(`${stack.base}/events?token=abc.def.ghi`)
    expect(bad.status).toBe(401)
    expect((await envelopeOf(bad)).code).toBe('malformed_token')
  })

  it('does not take ?token= on forwarded routes (tokens do not belong in URLs there)', async () => {
    const token = await mint(stack)
    const response = await browserFetch(`${stack.base}/v1/templates?token=${token}`)
    expect(response.status).toBe(401)
    expect((await envelopeOf(response)).code).toBe('missing_token')
  })

  it('replays the buffer after Last-Event-ID (header or ?lastEventId=), and all of it on a first connection', async () => {
    const token = await mint(stack, as('resume_user'))
    const first = await openEvents(token)
    const message = await sendOk(token)
    const seen = await readEvents(first, (frames) =>
      statusEvents(frames).some((event) => event.id === message.id && event.status === 'read'),
    )
    const withIds = seen.filter((frame) => frame.event === 'message.status')
    expect(withIds).toHaveLength(4)
    const afterSecond = withIds[1]!.id!

    const resumed = await openEvents(token, { lastEventId: afterSecond })
    const replay = await readEvents(resumed, (frames) => statusEvents(frames).length >= 2)
    expect(replay.filter((frame) => frame.event).map((frame) => frame.id)).toEqual([
      withIds[2]!.id,
      withIds[3]!.id,
    ])

    const byQuery = await browserFetch(
      `${stack.base}/events?lastEventId=${encodeURIComponent(withIds[2]!.id!)}`,
      { headers: { authorization: `Bearer ${token}` } },
    )
    const queryReplay = await readEvents(byQuery, (frames) => statusEvents(frames).length >= 1)
    expect(statusEvents(queryReplay).map((event) => event.status)).toEqual(['read'])

    const fresh = await openEvents(token)
    const all = await readEvents(fresh, (frames) => statusEvents(frames).length >= 4)
    expect(statusEvents(all).map((event) => event.status)).toEqual([
      'pending',
      'sent',
      'delivered',
      'read',
    ])

    // An id from another proxy instance (after a restart) replays what is buffered.
    const foreign = await openEvents(token, { lastEventId: 'zzzzzzzz.999' })
    const foreignReplay = await readEvents(foreign, (frames) => statusEvents(frames).length >= 4)
    expect(statusEvents(foreignReplay)).toHaveLength(4)
  })

  it('sends heartbeats at heartbeatInterval', async () => {
    const beating = await extraProxy(stack, { heartbeatInterval: 25 })
    try {
      const token = await mint({ ...stack, base: beating.base })
      const events = await openEvents(token, { base: beating.base })
      const frames = await readEvents(
        events,
        (frames) => frames.filter((frame) => frame.comment === 'ping').length >= 3,
      )
      expect(frames.filter((frame) => frame.comment === 'ping').length).toBeGreaterThanOrEqual(3)
    } finally {
      await beating.close()
    }
  })

  it('ends the stream with event: error {"code":"token_expired"} when the token expires', async () => {
    const kid = decodeProtectedHeader(await mint(stack)).kid
    const now = Math.floor(Date.now() / 1000)
    const encode = (value: unknown) =>
      base64url.encode(new TextEncoder().encode(JSON.stringify(value)))
    const input = `${encode({ alg: 'HS256', typ: 'kirim-proxy+jwt', kid })}.${encode({
      iss: 'urn:kirim:proxy',
      aud: 'urn:kirim:proxy',
      sub: 'short_lived',
      jti: crypto.randomUUID(),
      iat: now,
      exp: now + 1,
    })}`
    const key = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(TOKEN_SECRET),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    )
    const mac = new Uint8Array(
      await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(input)),
    )
    const events = await openEvents(`${input}.${base64url.encode(mac)}`)
    expect(events.status).toBe(200)
    // Read until the server ends the stream.
    const frames = await readEvents(events, () => false, 4000)
    expect(frames.ended).toBe(true)
    expect(frames.at(-1)).toEqual({ event: 'error', data: '{"code":"token_expired"}' })
  })

  it('ends open streams on proxy.close()', async () => {
    const closing = await extraProxy(stack, {})
    const token = await mint({ ...stack, base: closing.base })
    const events = await openEvents(token, { base: closing.base })
    setTimeout(() => closing.proxy.close(), 50)
    const frames = await readEvents(events, () => false, 4000)
    expect(frames.ended).toBe(true)
    expect([...frames]).toEqual([{ retry: '3000' }])
    await closing.close()
  })
})
