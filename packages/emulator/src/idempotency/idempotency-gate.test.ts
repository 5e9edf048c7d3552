import { describe, expect, it } from 'vitest'
import { Sleeper } from '../clock/sleeper.ts'
import { createTimeSource } from '../clock/time-source.ts'
import { ApiError } from '../errors/api-error.ts'
import { type ApiResult, jsonResult } from '../http/result.ts'
import { createMemoryStore } from '../store/memory-store.ts'
import { checkIdempotencyKey, IDEMPOTENCY_TTL_MS, IdempotencyGate } from './idempotency-gate.ts'

const setup = (waitMs = 200) => {
  const time = createTimeSource('manual', 0)
  const store = createMemoryStore()
  const sleeper = new Sleeper()
  return { time, store, sleeper, gate: new IdempotencyGate(store, time, sleeper, waitMs) }
}

const answer = (status: number, n: number): ApiResult => jsonResult(status, { n }, `req_${n}`)

const codeOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ApiError)
  return (error as ApiError).code
}

describe('IdempotencyGate', () => {
  it('processes once, then replays status and body verbatim', async () => {
    const { gate } = setup()
    let calls = 0
    const first = await gate.run('org', 'k', 'fp', async () => answer(202, ++calls))
    const second = await gate.run('org', 'k', 'fp', async () => answer(202, ++calls))
    expect(first.replayed).toBe(false)
    expect(second.replayed).toBe(true)
    expect(second.result.status).toBe(202)
    expect(second.result.body).toBe(first.result.body)
    expect(second.result.requestId).toBe(first.result.requestId)
    expect(calls).toBe(1)
  })

  it('answers 422 idempotency_key_reuse for another fingerprint', async () => {
    const { gate } = setup()
    await gate.run('org', 'k', 'fp', async () => answer(202, 1))
    expect(await codeOf(gate.run('org', 'k', 'other', async () => answer(202, 2)))).toBe(
      'idempotency_key_reuse',
    )
  })

  it('scopes keys per organisation', async () => {
    const { gate } = setup()
    await gate.run('org_a', 'k', 'fp', async () => answer(202, 1))
    const other = await gate.run('org_b', 'k', 'other', async () => answer(202, 2))
    expect(other.replayed).toBe(false)
  })

  it('keeps only 2xx answers: a 4xx, 429 or 5xx is processed anew on retry', async () => {
    const { gate } = setup()
    let calls = 0
    for (const status of [400, 403, 422, 500, 503, 429]) {
      await gate.run('org', `k${status}`, 'fp', async () => answer(status, ++calls))
      const again = await gate.run('org', `k${status}`, 'fp', async () => answer(202, ++calls))
      expect(again.replayed).toBe(false)
      expect(again.result.status).toBe(202)
    }
    // A corrected body under the key of a refused request is processed, not a 422 reuse.
    await gate.run('org', 'k-fixed', 'bad body', async () => answer(400, ++calls))
    const fixed = await gate.run('org', 'k-fixed', 'good body', async () => answer(202, ++calls))
    expect(fixed).toMatchObject({ replayed: false, result: { status: 202 } })
  })

  it('forgets keys 24 h later on the emulator clock', async () => {
    const { gate, time } = setup()
    await gate.run('org', 'k', 'fp', async () => answer(202, 1))
    time.moveBy(IDEMPOTENCY_TTL_MS - 1)
    expect((await gate.run('org', 'k', 'fp', async () => answer(202, 2))).replayed).toBe(true)
    time.moveBy(1)
    const fresh = await gate.run('org', 'k', 'other', async () => answer(202, 3))
    expect(fresh.replayed).toBe(false)
  })

  it('makes a concurrent same-key request wait for the first, then replays it', async () => {
    const { gate } = setup(1000)
    let release = () => {}
    const first = gate.run(
      'org',
      'k',
      'fp',
      () => new Promise((resolve) => (release = () => resolve(answer(202, 1)))),
    )
    const second = gate.run('org', 'k', 'fp', async () => answer(202, 2))
    setTimeout(() => release(), 20)
    expect((await first).replayed).toBe(false)
    const replay = await second
    expect(replay.replayed).toBe(true)
    expect(replay.result.body).toBe('{"n":1}')
  })

  it('answers 409 idempotency_in_progress after waiting waitMs', async () => {
    const { gate } = setup(30)
    let release = () => {}
    const first = gate.run(
      'org',
      'k',
      'fp',
      () => new Promise((resolve) => (release = () => resolve(answer(202, 1)))),
    )
    const started = Date.now()
    expect(await codeOf(gate.run('org', 'k', 'fp', async () => answer(202, 2)))).toBe(
      'idempotency_in_progress',
    )
    expect(Date.now() - started).toBeGreaterThanOrEqual(25)
    release()
    await first
  })

  it('answers 422 at once for a concurrent request with another body', async () => {
    const { gate } = setup(10_000)
    let release = () => {}
    const first = gate.run(
      'org',
      'k',
      'fp',
      () => new Promise((resolve) => (release = () => resolve(answer(202, 1)))),
    )
    expect(await codeOf(gate.run('org', 'k', 'other', async () => answer(202, 2)))).toBe(
      'idempotency_key_reuse',
    )
    release()
    await first
  })

  it('lets a waiter process anew when the first ends in a 5xx', async () => {
    const { gate } = setup(1000)
    let release = () => {}
    const first = gate.run(
      'org',
      'k',
      'fp',
      () => new Promise((resolve) => (release = () => resolve(answer(500, 1)))),
    )
    const second = gate.run('org', 'k', 'fp', async () => answer(202, 2))
    release()
    await first
    const result = await second
    expect(result.replayed).toBe(false)
    expect(result.result.body).toBe('{"n":2}')
  })
})

describe('checkIdempotencyKey', () => {
  it('takes 1–255 printable ASCII characters', () => {
    expect(checkIdempotencyKey('a')).toBe('a')
    expect(checkIdempotencyKey('x'.repeat(255))).toHaveLength(255)
    expect(checkIdempotencyKey('8e1a2c30-f0a4-4c70-9c2d-7b5e3aef9201 ~!')).toBeTruthy()
  })

  it.each([
    ['empty', ''],
    ['256 characters', 'x'.repeat(256)],
    ['non-ASCII', 'kunci-é'],
    ['a control character', 'a\tb'],
  ])('rejects %s with 400 naming the header', (_, key) => {
    try {
      checkIdempotencyKey(key)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError)
      expect((error as ApiError).status).toBe(400)
      expect((error as ApiError).param).toBe('Idempotency-Key')
    }
  })
})
