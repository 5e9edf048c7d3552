/**
 * Security review: attacks on the proxy that the other suites did not try, each a regression
 * test for what was fixed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMemoryQuotaStore, createProxy } from '../../src/proxy/index.ts'
import {
  API_KEY,
  as,
  envelopeOf,
  expectNoKeyLeak,
  mint,
  observe,
  type Stack,
  send,
  startStack,
  TOKEN_SECRET,
  text,
} from './fixtures.ts'
import { serve } from './serve.ts'

/** Upstream calls whose body contains this are held until `release()`; others pass. */
let held: { marker: string; release: () => void; arrived: () => void } | undefined

let stack: Stack
beforeAll(async () => {
  stack = await startStack({
    webhooks: false,
    proxy: {
      async fetch(request) {
        const gate = held
        if (gate !== undefined && (await request.clone().text()).includes(gate.marker)) {
          gate.arrived()
          await new Promise<void>((resolve) => {
            gate.release = resolve
          })
        }
        return fetch(request)
      },
    },
  })
})
afterAll(async () => {
  await stack.close()
  expectNoKeyLeak()
})

describe('review: maxSends cannot be dodged with a same-key race', () => {
  it('keeps the count when a same-key repeat went through while the counted send got a 4xx', async () => {
    const token = await mint(stack, as('u_same_key_race', { maxSends: 1 }))
    const key = crypto.randomUUID()
    // A is counted, then held on its way upstream; B (same key, another body) is a "repeat"
    // for the quota, reaches upstream first and is sent; A then meets B's key and gets a 422.
    let arrived = () => {}
    const reachedUpstream = new Promise<void>((resolve) => {
      arrived = resolve
    })
    const gate = { marker: 'first attempt', release: () => {}, arrived }
    held = gate
    const first = send(stack, token, text(undefined, 'first attempt'), { 'idempotency-key': key })
    await reachedUpstream
    const second = await send(stack, token, text(undefined, 'second attempt'), {
      'idempotency-key': key,
    })
    expect(second.status).toBe(202)
    expect(second.headers.get('idempotent-replayed')).toBe('false')
    gate.release()
    const refused = await first
    expect(refused.status).toBe(422)
    expect((await envelopeOf(refused)).code).toBe('idempotency_key_reuse')
    held = undefined

    // One message went out: the token's single send is used up.
    const third = await send(stack, token, text(undefined, 'third'), {
      'idempotency-key': crypto.randomUUID(),
    })
    expect(third.status).toBe(403)
    expect((await envelopeOf(third)).code).toBe('quota_exceeded')
  })
})

describe('review: the memory quota store keeps a count a repeat may have used', () => {
  const charge = {
    key: 'sub\u0000jti',
    limit: 1,
    idempotencyKey: 'k',
    expiresAt: Date.now() + 60_000,
  }

  it('refunds a counted send nobody repeated', async () => {
    const store = createMemoryQuotaStore()
    expect(await store.consume(charge)).toBe('counted')
    await store.refund(charge)
    expect(await store.consume({ ...charge, idempotencyKey: 'other' })).toBe('counted')
  })

  it('does not refund once its key was answered "repeat"', async () => {
    const store = createMemoryQuotaStore()
    expect(await store.consume(charge)).toBe('counted')
    expect(await store.consume(charge)).toBe('repeat')
    await store.refund(charge)
    expect(await store.consume({ ...charge, idempotencyKey: 'other' })).toBe('exceeded')
    expect(await store.consume(charge)).toBe('repeat')
  })
})

describe('review: upstream redirects are not followed', () => {
  it('passes a 3xx on without its Location, and never sends the key to the other host', async () => {
    const seenElsewhere: (string | null)[] = []
    const elsewhere = await serve(async (request) => {
      seenElsewhere.push(request.headers.get('authorization'))
      return new Response('{}', { headers: { 'content-type': 'application/json' } })
    })
    const upstream = await serve(async () =>
      Response.redirect(`${elsewhere.url}/v1/templates`, 307),
    )
    const proxy = createProxy({
      apiKey: API_KEY,
      tokenSecret: TOKEN_SECRET,
      baseUrl: upstream.url,
      authorize: () => ({ subject: 'u_redirect' }),
    })
    try {
      const base = 'http://proxy.test/api/kirim'
      const minted = await proxy.fetch(new Request(`${base}/token`, { method: 'POST' }))
      const { token } = (await minted.json()) as { token: string }
      const response = await observe(
        'GET /v1/templates (redirected upstream)',
        await proxy.fetch(
          new Request(`${base}/v1/templates`, { headers: { authorization: `Bearer ${token}` } }),
        ),
      )
      expect(response.status).toBe(307)
      expect(response.headers.get('location')).toBeNull()
      expect(seenElsewhere).toEqual([])
    } finally {
      proxy.close()
      await upstream.close()
      await elsewhere.close()
    }
  })
})

describe('review: event streams per subject are bounded', () => {
  it('ends the oldest stream of a subject past 32, and keeps the others', async () => {
    const proxy = createProxy({
      apiKey: API_KEY,
      tokenSecret: TOKEN_SECRET,
      authorize: () => ({ subject: 'u_many_streams' }),
      fetch: () => Promise.reject(new Error('no upstream in this test')),
    })
    const base = 'http://proxy.test/api/kirim'
    try {
      const minted = await proxy.fetch(new Request(`${base}/token`, { method: 'POST' }))
      const { token } = (await minted.json()) as { token: string }
      const open = async () =>
        observe(
          'GET /events',
          await proxy.fetch(
            new Request(`${base}/events`, { headers: { authorization: `Bearer ${token}` } }),
          ),
        )
      const streams: Response[] = []
      for (let i = 0; i < 33; i++) streams.push(await open())
      expect(streams.every((stream) => stream.status === 200)).toBe(true)

      expect(await readToEnd(streams[0]!, 1000)).toEqual({ ended: true, text: 'retry: 3000\n\n' })
      expect(await readToEnd(streams[1]!, 50)).toEqual({ ended: false, text: 'retry: 3000\n\n' })
      expect(await readToEnd(streams[32]!, 50)).toEqual({ ended: false, text: 'retry: 3000\n\n' })
    } finally {
      proxy.close()
    }
  })
})

/** Reads a stream for up to `ms`: its text, and whether the server ended it. */
async function readToEnd(
  response: Response,
  ms: number,
): Promise<{ ended: boolean; text: string }> {
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  let text = ''
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms)
  })
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), timeout])
      if (next === 'timeout') return { ended: false, text }
      if (next.done) return { ended: true, text }
      text += decoder.decode(next.value, { stream: true })
    }
  } finally {
    clearTimeout(timer)
    await reader.cancel().catch(() => {})
  }
}
