import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  API_KEY,
  expectAccepted,
  expectApiError,
  type Harness,
  idPattern,
  type MessageEnvelope,
  NUMBER,
  OPEN,
  OTHER_ORG,
  OTHER_ORG_KEY,
  OTHER_ORG_NUMBER,
  REQ_ID,
  startEmulator,
  textTo,
} from './helpers.ts'

const EXPIRED_KEY = `kdv_live_${'expired'.repeat(4).slice(0, 24)}`
const FIRST_OF_TWO = '+628511760008021'
const SECOND_NUMBER = '+628511760008030'
const MULTI_KEY = `kdv_live_${'multinumber'.repeat(3).slice(0, 24)}`
const EMPTY_KEY = `kdv_live_${'nonumbers'.repeat(3).slice(0, 24)}`

let h: Harness
beforeAll(async () => {
  h = await startEmulator({
    expiredApiKeys: [EXPIRED_KEY],
    organizations: [
      OTHER_ORG,
      { name: 'Two Numbers', apiKeys: [MULTI_KEY], numbers: [FIRST_OF_TWO, SECOND_NUMBER] },
      { name: 'No Numbers', apiKeys: [EMPTY_KEY], numbers: [] },
    ],
  })
})
afterAll(async () => {
  await h?.close()
})

describe('authentication', () => {
  it('answers 401 invalid_api_key without an Authorization header', async () => {
    for (const [method, path] of [
      ['GET', '/v1/me'],
      ['GET', '/v1/templates'],
      ['GET', '/v1/messages/msg_01HXYZABCDEFGHJKMNPQRSTVWX'],
    ] as const) {
      const r = await h.request(method, path, { key: null })
      expectApiError(r, { status: 401, type: 'authentication_error', code: 'invalid_api_key' })
    }
    const post = await h.send(textTo(OPEN), { key: null })
    expectApiError(post, { status: 401, type: 'authentication_error', code: 'invalid_api_key' })
    expect(await h.stored()).toHaveLength(0)
  })

  it.each([
    ['an unknown key', `Bearer kdv_live_${'x'.repeat(24)}`],
    ['a key with a wrong prefix', `Bearer ${API_KEY.replace('kdv_live_', 'kdv_test_')}`],
    ['an empty bearer', 'Bearer '],
    ['the key without the Bearer scheme', API_KEY],
    ['basic auth', `Basic ${Buffer.from(`${API_KEY}:`).toString('base64')}`],
    ['a truncated key', `Bearer ${API_KEY.slice(0, -1)}`],
  ])('answers 401 invalid_api_key for %s', async (_, authorization) => {
    const r = await h.get('/v1/me', { key: null, headers: { authorization } })
    expectApiError(r, { status: 401, type: 'authentication_error', code: 'invalid_api_key' })
  })

  it('takes no key from the query string or a cookie', async () => {
    const query = await h.get(`/v1/me?api_key=${API_KEY}`, { key: null })
    expectApiError(query, { status: 401, type: 'authentication_error', code: 'invalid_api_key' })
    const cookie = await h.get('/v1/me', { key: null, headers: { cookie: `api_key=${API_KEY}` } })
    expectApiError(cookie, { status: 401, type: 'authentication_error', code: 'invalid_api_key' })
  })

  it('answers 401 expired_api_key for an expired key', async () => {
    const r = await h.get('/v1/me', { key: EXPIRED_KEY })
    expectApiError(r, { status: 401, type: 'authentication_error', code: 'expired_api_key' })
    const post = await h.send(textTo(OPEN), { key: EXPIRED_KEY })
    expectApiError(post, { status: 401, type: 'authentication_error', code: 'expired_api_key' })
  })

  it('serves /v1/health and /v1/openapi.json without a key', async () => {
    const health = await h.get('/v1/health', { key: null })
    expect(health.status).toBe(200)
    const openapi = await h.get<{ openapi?: string; paths?: Record<string, unknown> }>(
      '/v1/openapi.json',
      { key: null },
    )
    expect(openapi.status).toBe(200)
    expect(openapi.headers.get('content-type')).toMatch(/json/)
    expect(openapi.body.openapi).toMatch(/^3\./)
    expect(Object.keys(openapi.body.paths ?? {}).length).toBeGreaterThan(0)
  })

  it('describes the caller on GET /v1/me', async () => {
    const r = await h.get<{
      data: {
        organization: { id: string; object: string; name: string }
        api_key: { id: string; object: string; label: string; last4: string }
        rate_limits: { tier: string; write_per_minute: number; read_per_minute: number }
      }
      request_id: string
    }>('/v1/me')
    expect(r.status).toBe(200)
    expect(r.body.request_id).toMatch(REQ_ID)
    expect(r.headers.get('x-request-id')).toBe(r.body.request_id)
    const { organization, api_key, rate_limits } = r.body.data
    expect(organization.id).toMatch(idPattern('org'))
    expect(organization.object).toBe('organization')
    expect(organization.name).toBeTypeOf('string')
    expect(api_key.id).toMatch(idPattern('key'))
    expect(api_key.object).toBe('api_key')
    expect(api_key.label).toBeTypeOf('string')
    expect(api_key.last4).toBe(API_KEY.slice(-4))
    // Default buckets: the Pro tier.
    expect(rate_limits.write_per_minute).toBe(600)
    expect(rate_limits.read_per_minute).toBe(6000)
    expect(rate_limits.tier).toBeTypeOf('string')

    const other = await h.get<typeof r.body>('/v1/me', { key: OTHER_ORG_KEY })
    expect(other.status).toBe(200)
    expect(other.body.data.organization.name).toBe('Other Org')
    expect(other.body.data.organization.id).not.toBe(organization.id)
    expect(other.body.data.api_key.last4).toBe(OTHER_ORG_KEY.slice(-4))
  })
})

describe('configured keys', () => {
  it('replaces the default key with the apiKeys option', async () => {
    const custom = `kdv_live_${'customkey'.repeat(3).slice(0, 24)}`
    const own = await startEmulator({ apiKeys: [custom] })
    try {
      expect((await own.get('/v1/me', { key: custom })).status).toBe(200)
      const old = await own.get('/v1/me', { key: API_KEY })
      expectApiError(old, { status: 401, type: 'authentication_error', code: 'invalid_api_key' })
    } finally {
      await own.close()
    }
  })

  it('mints a fresh request id for every request', async () => {
    const ids = new Set<string>()
    for (let i = 0; i < 5; i++) {
      ids.add((await h.get('/v1/me')).headers.get('x-request-id') ?? '')
      ids.add((await h.get('/v1/me', { key: null })).headers.get('x-request-id') ?? '')
    }
    expect(ids.size).toBe(10)
    for (const id of ids) expect(id).toMatch(REQ_ID)
  })
})

describe('message ownership', () => {
  it('answers 404 resource_not_found for an unknown id', async () => {
    for (const id of ['msg_01HXYZABCDEFGHJKMNPQRSTVWX', 'msg_nope', 'wamid.HBgL', 'x']) {
      const r = await h.get(`/v1/messages/${id}`)
      expectApiError(r, { status: 404, type: 'not_found', code: 'resource_not_found' })
    }
  })

  it("answers 404 resource_not_found for another organisation's message id", async () => {
    const mine = expectAccepted(await h.send(textTo(OPEN)))
    expect((await h.message(mine.id)).id).toBe(mine.id)
    const theirs = await h.get(`/v1/messages/${mine.id}`, { key: OTHER_ORG_KEY })
    expectApiError(theirs, { status: 404, type: 'not_found', code: 'resource_not_found' })
  })
})

describe('from resolution', () => {
  it('resolves an omitted from to the only connected number', async () => {
    const m = expectAccepted(await h.send(textTo(OPEN)))
    expect(m.from).toBe(NUMBER)
    const other = expectAccepted(await h.send(textTo(OPEN), { key: OTHER_ORG_KEY }))
    expect(other.from).toBe(OTHER_ORG_NUMBER)
  })

  it('accepts an explicit from the organisation owns', async () => {
    const m = expectAccepted(await h.send({ from: NUMBER, ...textTo(OPEN) }))
    expect(m.from).toBe(NUMBER)
  })

  it('answers 403 phone_number_forbidden for a from the organisation does not own', async () => {
    for (const from of [OTHER_ORG_NUMBER, '+14155550100']) {
      const before = (await h.stored()).length
      const r = await h.send({ from, ...textTo(OPEN) })
      expectApiError(r, { status: 403, type: 'permission_error', code: 'phone_number_forbidden' })
      expect(await h.stored()).toHaveLength(before)
    }
  })

  it('answers 422 from_required (param from) when several numbers are connected', async () => {
    const r = await h.send(textTo(OPEN), { key: MULTI_KEY })
    expectApiError(r, {
      status: 422,
      type: 'invalid_request_error',
      code: 'from_required',
      param: 'from',
    })
    const chosen = await h.send({ from: SECOND_NUMBER, ...textTo(OPEN) }, { key: MULTI_KEY })
    expect(expectAccepted(chosen).from).toBe(SECOND_NUMBER)
  })

  it('answers 422 whatsapp_number_not_verified with zero connected numbers', async () => {
    const r = await h.send(textTo(OPEN), { key: EMPTY_KEY })
    expectApiError(r, {
      status: 422,
      type: 'invalid_request_error',
      code: 'whatsapp_number_not_verified',
    })
  })

  it('answers 422 whatsapp_number_not_verified for a default org created with numbers: []', async () => {
    const bare = await startEmulator({ numbers: [] })
    try {
      const r = await bare.send(textTo(OPEN))
      expectApiError(r, {
        status: 422,
        type: 'invalid_request_error',
        code: 'whatsapp_number_not_verified',
      })
      expect(await bare.stored()).toHaveLength(0)
    } finally {
      await bare.close()
    }
  })

  it('keeps every success response id in X-Request-Id', async () => {
    const r = await h.send<MessageEnvelope>(textTo(OPEN))
    expect(r.headers.get('x-request-id')).toBe(r.body.request_id)
    const get = await h.get<MessageEnvelope>(`/v1/messages/${r.body.data.id}`)
    expect(get.body.request_id).toMatch(REQ_ID)
    expect(get.headers.get('x-request-id')).toBe(get.body.request_id)
    expect(get.body.request_id).not.toBe(r.body.request_id)
  })
})
