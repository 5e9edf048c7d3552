import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  countingFetch,
  emulatorApiKey,
  type RunningEmulator,
  startEmulator,
} from '../../test/support/emulator.ts'
import { Kirim } from '../client/Kirim.ts'
import { ConnectionError } from '../errors/ConnectionError.ts'
import { ValidationError } from '../errors/ValidationError.ts'

let fast: RunningEmulator
let manual: RunningEmulator
beforeAll(async () => {
  ;[fast, manual] = await Promise.all([
    startEmulator({ timing: 'fast' }),
    startEmulator({ timing: 'manual' }),
  ])
})
afterAll(() => Promise.all([fast.close(), manual.close()]))

const client = (env: RunningEmulator) => {
  const counter = countingFetch()
  return {
    kirim: new Kirim({ apiKey: emulatorApiKey, baseUrl: env.url, fetch: counter.fetch }),
    counter,
  }
}

describe('messages.waitFor', () => {
  it('polls until the status reaches `until`', async () => {
    const { kirim, counter } = client(fast)
    const sent = await kirim.messages.send({
      to: '+628111111111',
      type: 'text',
      text: { body: 'Halo' },
    })
    const delivered = await kirim.messages.waitFor(sent.id, { until: 'delivered', interval: 20 })
    expect(delivered.id).toBe(sent.id)
    expect(['delivered', 'read']).toContain(delivered.status)
    expect(counter.sent.filter((r) => r.method === 'GET').length).toBeGreaterThan(1)
  })

  it('counts a later status as reached: read satisfies sent', async () => {
    const { kirim } = client(fast)
    const sent = await kirim.messages.send({
      to: '+628111111111',
      type: 'text',
      text: { body: 'Halo' },
    })
    await kirim.messages.waitFor(sent.id, { until: 'read', interval: 20 })
    const again = await kirim.messages.waitFor(sent.id, { until: 'sent' })
    expect(again.status).toBe('read')
  })

  it('returns a failed message instead of waiting on (or throwing)', async () => {
    const { kirim, counter } = client(fast)
    const blocked = await kirim.messages.send({
      to: '+628144444444',
      type: 'text',
      text: { body: 'Halo' },
    })
    const before = counter.count()
    const result = await kirim.messages.waitFor(blocked.id, { until: 'read' })
    expect(result).toMatchObject({ status: 'failed', error: { code: 'recipient_blocked' } })
    expect(counter.count() - before).toBe(1)

    const later = await kirim.messages.send({
      to: '+628133333333',
      type: 'template',
      template: { name: 'reengagement', language: 'id_ID' },
    })
    await expect(
      kirim.messages.waitFor(later.id, { until: 'delivered', interval: 20 }),
    ).resolves.toMatchObject({
      status: 'failed',
      error: { code: 'recipient_not_on_whatsapp' },
    })
  })

  it('throws ConnectionError wait_timeout with the last message seen when time runs out', async () => {
    const { kirim } = client(manual)
    const sent = await kirim.messages.send({
      to: '+628111111111',
      type: 'text',
      text: { body: 'Halo' },
    })
    const started = performance.now()
    const error = await kirim.messages
      .waitFor(sent.id, { until: 'sent', timeout: 400, interval: 50 })
      .catch((e: unknown) => e)
    const took = performance.now() - started
    expect(error).toBeInstanceOf(ConnectionError)
    expect(error).toMatchObject({
      code: 'wait_timeout',
      type: 'connection_error',
      raw: { id: sent.id, status: 'pending' },
    })
    expect((error as ConnectionError).message).toContain('did not reach "sent" within 400 ms')
    expect(took).toBeGreaterThanOrEqual(390)
    expect(took).toBeLessThan(2000)
  })

  it('keeps its overall timeout even when one poll hangs', async () => {
    const { kirim } = client(manual)
    const sent = await kirim.messages.send({
      to: '+628111111111',
      type: 'text',
      text: { body: 'Halo' },
    })
    await manual.fault({
      kind: 'latency',
      latencyMs: 3000,
      count: 1,
      path: `/v1/messages/${sent.id}`,
    })
    const started = performance.now()
    await expect(
      kirim.messages.waitFor(sent.id, { until: 'sent', timeout: 300 }),
    ).rejects.toMatchObject({
      code: 'wait_timeout',
      raw: undefined,
    })
    expect(performance.now() - started).toBeLessThan(1500)
    await manual.clearFaults()
  })

  it("stops at once on the caller's abort", async () => {
    const { kirim, counter } = client(manual)
    const sent = await kirim.messages.send({
      to: '+628111111111',
      type: 'text',
      text: { body: 'Halo' },
    })
    const controller = new AbortController()
    const waiting = kirim.messages.waitFor(sent.id, {
      until: 'delivered',
      signal: controller.signal,
      interval: 50,
    })
    setTimeout(() => controller.abort(), 120)
    await expect(waiting).rejects.toMatchObject({ name: 'ConnectionError', code: 'aborted' })
    const polls = counter.count()
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(counter.count()).toBe(polls)

    const already = AbortSignal.abort()
    await expect(
      kirim.messages.waitFor(sent.id, { until: 'sent', signal: already }),
    ).rejects.toMatchObject({ code: 'aborted' })
    expect(counter.count()).toBe(polls)
  })

  it('checks its options before polling', async () => {
    const { kirim, counter } = client(fast)
    const until = 'pending' as 'sent' // not a target status; the type would not allow it
    const error = await kirim.messages
      .waitFor('msg_x', { until, timeout: 0 })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual([
      'options.until',
      'options.timeout',
    ])
    await expect(kirim.messages.waitFor('', { until: 'sent' })).rejects.toBeInstanceOf(
      ValidationError,
    )
    expect(counter.count()).toBe(0)
  })
})
