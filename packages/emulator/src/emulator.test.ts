import { afterEach, describe, expect, it } from 'vitest'
import { createEmulator, type Emulator } from './emulator.ts'
import { ConnectionDroppedError } from './errors/connection-dropped.ts'
import type { EmulatorOptions } from './options.ts'

const KEY = 'kdv_live_emulatoremulatoremulator'
const BASE = 'https://api-kckit.kirim.chat'
const open: Emulator[] = []

function start(options: EmulatorOptions = {}) {
  const emulator = createEmulator(options)
  open.push(emulator)
  return emulator
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()))
})

const send = (emulator: Emulator, body: unknown, headers: Record<string, string> = {}) =>
  emulator.fetch(`${BASE}/v1/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
const get = (emulator: Emulator, path: string) =>
  emulator.fetch(new Request(`${BASE}${path}`, { headers: { authorization: `Bearer ${KEY}` } }))
const text = (to: string, body = 'Halo') => ({ to, type: 'text', text: { body } })

const activeTimers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length

describe('createEmulator in-process', () => {
  it('works as a fetch: (url, init) and (Request)', async () => {
    const emulator = start()
    const asFetch: typeof fetch = emulator.fetch
    expect(asFetch).toBeTypeOf('function')
    const response = await send(emulator, text('+628111111111'))
    expect(response.status).toBe(202)
    const { data } = (await response.json()) as { data: { id: string } }
    const again = await get(emulator, `/v1/messages/${data.id}`)
    expect(again.status).toBe(200)
  })

  it('moves a message pending → sent → delivered → read on the manual clock', async () => {
    const emulator = start({ timing: 'manual' })
    const { data } = (await (await send(emulator, text('+628111111111'))).json()) as {
      data: { id: string }
    }
    const status = async () =>
      (
        (await (await get(emulator, `/v1/messages/${data.id}`)).json()) as {
          data: { status: string }
        }
      ).data.status
    expect(await status()).toBe('pending')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(await status()).toBe('pending')
    await emulator.clock.advance('1s')
    expect(await status()).toBe('sent')
    await emulator.clock.advance(1000)
    expect(await status()).toBe('delivered')
    await emulator.clock.advance('2s')
    expect(await status()).toBe('read')
    await emulator.clock.advance('1d')
    expect(await status()).toBe('read')
    expect(emulator.messages()[0]).toMatchObject({
      status: 'read',
      text: { body: 'Halo' },
      idempotency_key: null,
    })
  })

  it('moves in fast timing within 100 ms a step', async () => {
    const emulator = start()
    const { data } = (await (await send(emulator, text('+628111111111'))).json()) as {
      data: { id: string }
    }
    await new Promise((resolve) => setTimeout(resolve, 350))
    const { data: after } = (await (await get(emulator, `/v1/messages/${data.id}`)).json()) as {
      data: { status: string }
    }
    expect(after.status).toBe('read')
  })

  it('starts the clock at `now`; the open-window recipient stays open a day later', async () => {
    const emulator = start({ timing: 'manual', now: new Date('2026-05-24T08:00:00Z') })
    expect(emulator.clock.now()).toBe(Date.parse('2026-05-24T08:00:00Z'))
    const first = (await (await send(emulator, text('+628111111111'))).json()) as {
      data: { status: string; created_at: string }
    }
    expect(first.data).toMatchObject({ status: 'pending', created_at: '2026-05-24T08:00:00.000Z' })
    await emulator.clock.advance('24h')
    const late = (await (await send(emulator, text('+628111111111'))).json()) as {
      data: { status: string; created_at: string }
    }
    expect(late.data).toMatchObject({ status: 'pending', created_at: '2026-05-25T08:00:00.000Z' })
  })

  it('opens the window on inbound and emits message.received to the webhook', async () => {
    const received: { event: string | null; body: unknown }[] = []
    const emulator = start({
      timing: 'manual',
      webhook: { url: 'https://hooks.test/kirim', secret: 'whsec_x' },
      fetch: async (input, init) => {
        const request = new Request(input, init)
        received.push({ event: request.headers.get('x-kirim-event'), body: await request.json() })
        return new Response(null, { status: 200 })
      },
    })
    const stranger = '+628177777777'
    expect(
      ((await (await send(emulator, text(stranger))).json()) as { data: { status: string } }).data
        .status,
    ).toBe('failed')
    const inbound = await emulator.fetch(`${BASE}/_emulator/inbound`, {
      method: 'POST',
      body: JSON.stringify({ from: stranger, text: 'Halo kak' }),
    })
    expect(inbound.status).toBe(200)
    await emulator.clock.advance(0)
    expect(received.map((r) => r.event)).toEqual(['message.received'])
    expect(JSON.stringify(received[0]!.body)).toContain('"from":"628177777777"')
    expect(
      ((await (await send(emulator, text(stranger))).json()) as { data: { status: string } }).data
        .status,
    ).toBe('pending')
  })

  it('rejects with ConnectionDroppedError, a TypeError, on drop faults', async () => {
    const emulator = start()
    const before = send(emulator, text('+628111111111'), {
      'x-emulator-fault': 'drop_before',
      'idempotency-key': 'a',
    })
    await expect(before).rejects.toBeInstanceOf(ConnectionDroppedError)
    await expect(before).rejects.toBeInstanceOf(TypeError)
    expect(emulator.messages()).toHaveLength(0)
    await expect(
      send(emulator, text('+628111111111'), {
        'x-emulator-fault': 'drop_after',
        'idempotency-key': 'a',
      }),
    ).rejects.toThrow(ConnectionDroppedError)
    expect(emulator.messages()).toHaveLength(1)
    const replay = await send(emulator, text('+628111111111'), { 'idempotency-key': 'a' })
    expect(replay.headers.get('idempotent-replayed')).toBe('true')
    expect(emulator.messages()).toHaveLength(1)
  })

  it('resets messages, keys, faults and windows', async () => {
    const emulator = start({ timing: 'manual' })
    await send(emulator, text('+628111111111'), { 'idempotency-key': 'k' })
    await emulator.fetch(`${BASE}/_emulator/faults`, {
      method: 'POST',
      body: '{"kind":"500","count":5}',
    })
    emulator.reset()
    expect(emulator.messages()).toHaveLength(0)
    const fresh = await send(emulator, text('+628111111111'), { 'idempotency-key': 'k' })
    expect(fresh.status).toBe(202)
    expect(fresh.headers.get('idempotent-replayed')).toBe('false')
  })

  it('close() leaves no timer behind, even with slow webhooks, latency and waiting requests', async () => {
    const baseline = activeTimers()
    const emulator = createEmulator({
      webhook: { url: 'https://hooks.test/slow', secret: 'whsec_x' },
      idempotencyWaitMs: 60_000,
      fetch: (_input, init) =>
        new Promise((_, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        ),
    })
    await send(emulator, text('+628111111111'))
    const slow = send(emulator, text('+628111111111'), {
      'x-emulator-fault': 'latency',
      'x-emulator-latency': '60000',
      'idempotency-key': 'w',
    })
    await new Promise((resolve) => setTimeout(resolve, 100))
    const waiting = send(emulator, text('+628111111111'), { 'idempotency-key': 'w' })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(activeTimers()).toBeGreaterThan(baseline)
    const started = Date.now()
    await emulator.close()
    await Promise.allSettled([slow, waiting])
    expect(Date.now() - started).toBeLessThan(1000)
    expect(activeTimers()).toBeLessThanOrEqual(baseline)
  })

  it('refuses impossible options, naming them', () => {
    expect(() => createEmulator({ timing: 'slow' as 'fast' })).toThrow(/timing/)
    expect(() => createEmulator({ numbers: ['0811'] })).toThrow(/numbers/)
    expect(() => createEmulator({ rateLimits: { writesPerMinute: 0, readsPerMinute: 1 } })).toThrow(
      /writesPerMinute/,
    )
    expect(() => createEmulator({ webhook: { url: 'nope', secret: 's' } })).toThrow(/webhook.url/)
  })

  it('answers a CORS preflight on any path', async () => {
    const emulator = start()
    const response = await emulator.fetch(`${BASE}/v1/messages`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://app.test',
        'access-control-request-headers': 'authorization, idempotency-key',
      },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('access-control-allow-headers')).toBe(
      'authorization, idempotency-key',
    )
  })
})
