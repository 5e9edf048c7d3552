import { afterEach, describe, expect, it } from 'vitest'
import {
  type ApiResponse,
  type EmulatorOptions,
  expectAccepted,
  expectApiError,
  expectRateLimitHeaders,
  type Harness,
  OPEN,
  OTHER_ORG,
  OTHER_ORG_KEY,
  SECOND,
  startEmulator,
  templateTo,
} from './helpers.ts'

const START = Date.parse('2030-01-01T00:00:00.000Z')

let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

async function setup(options: EmulatorOptions = {}): Promise<Harness> {
  h = await startEmulator({ now: START, ...options })
  return h
}

const num = (r: ApiResponse<unknown>, name: string) => Number(r.headers.get(name))

describe('X-RateLimit-* headers', () => {
  it('are on every /v1 response, successes and errors alike', async () => {
    const h = await setup()
    const responses = [
      await h.get('/v1/me'),
      await h.get('/v1/templates?limit=1'),
      await h.get('/v1/templates?limit=0'),
      await h.send(templateTo(OPEN)),
      await h.send({ to: 'nope', type: 'text', text: { body: 'x' } }),
      await h.get('/v1/messages/msg_01HXYZABCDEFGHJKMNPQRSTVWX'),
      // "Every response carries" them: keyless ones too.
      await h.get('/v1/health', { key: null }),
      await h.get('/v1/me', { key: null }),
    ]
    for (const r of responses) expectRateLimitHeaders(r)
  })

  it('count the Pro defaults down per bucket, with Reset in epoch seconds on the clock', async () => {
    const h = await setup()
    const w1 = await h.send(templateTo(OPEN))
    const w2 = await h.send(templateTo(OPEN))
    expect(num(w1, 'x-ratelimit-limit')).toBe(600)
    expect(num(w2, 'x-ratelimit-remaining')).toBe(num(w1, 'x-ratelimit-remaining') - 1)
    const r1 = await h.get('/v1/me')
    const r2 = await h.get('/v1/me')
    expect(num(r1, 'x-ratelimit-limit')).toBe(6000)
    expect(num(r2, 'x-ratelimit-remaining')).toBe(num(r1, 'x-ratelimit-remaining') - 1)
    // Reads do not spend the write bucket.
    const w3 = await h.send(templateTo(OPEN))
    expect(num(w3, 'x-ratelimit-remaining')).toBe(num(w2, 'x-ratelimit-remaining') - 1)
    for (const r of [w1, w2, r1, r2, w3]) {
      const reset = num(r, 'x-ratelimit-reset')
      expect(reset).toBeGreaterThanOrEqual(Math.floor(START / 1000))
      expect(reset).toBeLessThanOrEqual(Math.floor(START / 1000) + 60)
    }
  })
})

describe('small buckets: 3 writes and 5 reads a minute', () => {
  const small = { rateLimits: { writesPerMinute: 3, readsPerMinute: 5 } } as const

  it('answers the 4th write with 429 rate_limit_exceeded and Retry-After; reads still pass', async () => {
    const h = await setup(small)
    for (let i = 0; i < 3; i++) {
      const r = await h.send(templateTo(OPEN))
      expectAccepted(r)
      expect(num(r, 'x-ratelimit-limit')).toBe(3)
      expect(num(r, 'x-ratelimit-remaining')).toBe(2 - i)
    }
    const before = (await h.stored()).length
    const fourth = await h.send(templateTo(OPEN))
    expectApiError(fourth, { status: 429, type: 'rate_limit_error', code: 'rate_limit_exceeded' })
    expectRateLimitHeaders(fourth)
    expect(num(fourth, 'x-ratelimit-remaining')).toBe(0)
    const retryAfter = fourth.headers.get('retry-after')
    expect(retryAfter).toMatch(/^\d+$/)
    expect(Number(retryAfter)).toBeGreaterThan(0)
    expect(Number(retryAfter)).toBeLessThanOrEqual(60)
    expect(await h.stored()).toHaveLength(before)

    const read = await h.get('/v1/me')
    expect(read.status).toBe(200)
    expect(num(read, 'x-ratelimit-limit')).toBe(5)
  })

  it('answers the 6th read with 429 while writes have their own bucket', async () => {
    const h = await setup(small)
    for (let i = 0; i < 5; i++) expect((await h.get('/v1/templates?limit=1')).status).toBe(200)
    const sixth = await h.get('/v1/me')
    expectApiError(sixth, { status: 429, type: 'rate_limit_error', code: 'rate_limit_exceeded' })
    expect(sixth.headers.get('retry-after')).toMatch(/^[1-9]\d*$/)
    expectAccepted(await h.send(templateTo(OPEN)))
  })

  it('carry a Date on the emulator clock, the time X-RateLimit-Reset is counted from', async () => {
    const h = await setup(small)
    const first = await h.get('/v1/me')
    expect(first.headers.get('date')).toBe(new Date(START).toUTCString())
    await h.advance(25 * 3600 * SECOND)
    const later = await h.send({ to: 'nope', type: 'text', text: { body: 'x' } })
    expect(later.status).toBe(400)
    expect(later.headers.get('date')).toBe(new Date(START + 25 * 3600 * SECOND).toUTCString())
    expect(num(later, 'x-ratelimit-reset') * SECOND).toBeGreaterThan(START + 25 * 3600 * SECOND)
  })

  it('refills as the clock advances, not as real time passes', async () => {
    const h = await setup(small)
    for (let i = 0; i < 3; i++) expectAccepted(await h.send(templateTo(OPEN)))
    const limited = await h.send(templateTo(OPEN))
    expect(limited.status).toBe(429)
    const retryAfter = Number(limited.headers.get('retry-after'))

    // Manual timing: the clock stands still, so no token comes back on its own.
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect((await h.send(templateTo(OPEN))).status).toBe(429)

    // Retry-After is honest: after that long on the clock a write passes.
    await h.advance(retryAfter * SECOND)
    expectAccepted(await h.send(templateTo(OPEN)))

    // A full minute refills the whole bucket (and no more).
    await h.advance(60 * SECOND)
    for (let i = 0; i < 3; i++) expectAccepted(await h.send(templateTo(OPEN)))
    expect((await h.send(templateTo(OPEN))).status).toBe(429)
  })

  it('keeps buckets per organisation', async () => {
    const h = await setup({ ...small, organizations: [OTHER_ORG] })
    for (let i = 0; i < 3; i++) expectAccepted(await h.send(templateTo(OPEN)))
    expect((await h.send(templateTo(OPEN))).status).toBe(429)
    expectAccepted(await h.send(templateTo(OPEN), { key: OTHER_ORG_KEY }))
  })

  it('never limits the control API or /v1/health', async () => {
    const h = await setup(small)
    for (let i = 0; i < 12; i++) {
      expect((await h.get('/_emulator/messages', { key: null })).status).toBe(200)
      expect((await h.get('/v1/health', { key: null })).status).toBe(200)
    }
    expect((await h.get('/v1/me')).status).toBe(200)
  })
})

describe('tiers', () => {
  it('gives a free-tier organisation 60 writes and 600 reads a minute', async () => {
    const h = await setup({ organizations: [{ ...OTHER_ORG, tier: 'free' }] })
    const me = await h.get<{
      data: { rate_limits: { tier: string; write_per_minute: number; read_per_minute: number } }
    }>('/v1/me', { key: OTHER_ORG_KEY })
    expect(me.body.data.rate_limits).toMatchObject({ write_per_minute: 60, read_per_minute: 600 })
    expect(num(me, 'x-ratelimit-limit')).toBe(600)
    const write = await h.send(templateTo(OPEN), { key: OTHER_ORG_KEY })
    expect(num(write, 'x-ratelimit-limit')).toBe(60)
    for (let i = 0; i < 59; i++) await h.send(templateTo(OPEN), { key: OTHER_ORG_KEY })
    const limited = await h.send(templateTo(OPEN), { key: OTHER_ORG_KEY })
    expectApiError(limited, { status: 429, type: 'rate_limit_error', code: 'rate_limit_exceeded' })
    // The default organisation keeps its Pro bucket.
    const pro = await h.send(templateTo(OPEN))
    expect(num(pro, 'x-ratelimit-limit')).toBe(600)
  })
})

describe('rateLimits: false', () => {
  it('switches the buckets off: more than the Pro 600 writes a minute all pass', async () => {
    const h = await setup({ rateLimits: false })
    let limited = 0
    const worker = async () => {
      for (let i = 0; i < 76; i++) if ((await h.send(templateTo(OPEN))).status === 429) limited++
    }
    await Promise.all(Array.from({ length: 8 }, worker))
    expect(limited).toBe(0)
    expect(await h.stored()).toHaveLength(608)
  })
})
