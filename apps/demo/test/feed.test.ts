/**
 * The demo's server side without a browser: whose feed a message lands in. On the in-process
 * emulator (sends and played customers through the proxy and the control API), and in live mode
 * against the emulator over HTTP, with Kirim's webhooks signed as Kirim signs them.
 */
import { signWebhook } from '@kirim/core/webhooks'
import { createEmulator, type Emulator } from '@kirim/emulator'
import { type EmulatorServer, serve } from '@kirim/emulator/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { DemoEnv } from '../server/config.ts'
import { createDemoServer, type DemoServer } from '../server/demoServer.ts'
import { newSessionId, SESSION_COOKIE } from '../server/session.ts'
import type { FeedFrame, SentEntry } from '../shared/protocol.ts'

const ORIGIN = 'http://demo.test'
const OPEN_WINDOW = '+628111111111'
const CLOSED_WINDOW = '+628122222222'
const SENDER = '+628511760008029'
/** Meta's id of the business number, as a webhook's metadata carries it. */
const PHONE_NUMBER_ID = '106540352242922'

/** One browser: a session cookie, its tokens, and its open feed stream. */
interface Browser {
  readonly cookie: string
  /** Every frame its feed stream delivered so far, with the SSE id. */
  readonly frames: (FeedFrame & { readonly sseId: number })[]
  /** Resolves once a delivered frame matches (frames arrive on one ordered stream). */
  waitFor(match: (frame: FeedFrame) => boolean): Promise<FeedFrame>
  send(body: Record<string, unknown>): Promise<SentEntry & { provider: string | null }>
  close(): void
}

const request = (path: string, init: RequestInit & { cookie?: string } = {}): Request => {
  const headers = new Headers(init.headers)
  headers.set('origin', ORIGIN)
  if (init.cookie !== undefined) headers.set('cookie', init.cookie)
  return new Request(`${ORIGIN}${path}`, { ...init, headers })
}

/** Reads `GET /api/demo/feed` of `cookie` as it streams, frame by frame. */
async function openBrowser(demo: DemoServer, lastEventId?: number): Promise<Browser> {
  const cookie = `${SESSION_COOKIE}=${newSessionId()}`
  return attach(demo, cookie, lastEventId)
}

async function attach(demo: DemoServer, cookie: string, lastEventId?: number): Promise<Browser> {
  const abort = new AbortController()
  const response = await demo.fetch(
    request('/api/demo/feed', {
      cookie,
      signal: abort.signal,
      headers: lastEventId === undefined ? {} : { 'last-event-id': String(lastEventId) },
    }),
  )
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/)
  const frames: Browser['frames'] = []
  const waiters = new Set<() => void>()
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  void (async () => {
    let buffer = ''
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: '' }))
      if (done) return
      buffer += value
      let end = buffer.indexOf('\n\n')
      while (end !== -1) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const id = /^id: (\d+)$/m.exec(block)?.[1]
        const data = /^data: (.*)$/m.exec(block)?.[1]
        if (/^event: entry$/m.test(block) && data !== undefined) {
          frames.push({ ...(JSON.parse(data) as FeedFrame), sseId: Number(id) })
          for (const wake of waiters) wake()
        }
        end = buffer.indexOf('\n\n')
      }
    }
  })()

  let token: string | undefined
  const browser: Browser = {
    cookie,
    frames,
    waitFor(match) {
      return new Promise((resolve, reject) => {
        // A guard, not a measure: a frame that never comes fails here, naming what did come.
        const guard = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`No such frame; got ${JSON.stringify(frames.map((f) => f.id))}`))
        }, 20_000)
        const check = () => {
          const found = frames.find(match)
          if (found === undefined) return
          clearTimeout(guard)
          waiters.delete(check)
          resolve(found)
        }
        waiters.add(check)
        check()
      })
    },
    async send(body) {
      if (token === undefined) {
        const minted = await demo.fetch(request('/api/kirim/token', { method: 'POST', cookie }))
        expect(minted.status).toBe(200)
        token = ((await minted.json()) as { token: string }).token
      }
      const answer = await demo.fetch(
        request('/api/kirim/v1/messages', {
          method: 'POST',
          cookie,
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'idempotency-key': crypto.randomUUID(),
          },
          body: JSON.stringify(body),
        }),
      )
      const text = await answer.text()
      expect(answer.status, text).toBeLessThan(300)
      const message = (JSON.parse(text) as { data: { id: string; provider_message_id: string } })
        .data
      const entry = (await browser.waitFor((frame) => frame.id === message.id)) as SentEntry
      return { ...entry, provider: message.provider_message_id }
    },
    close: () => abort.abort(),
  }
  return browser
}

const text = (to: string, body: string, from = SENDER) => ({
  from,
  to,
  type: 'text',
  text: { body },
})

describe('the session feeds, on the in-process emulator', () => {
  let demo: DemoServer
  const browsers: Browser[] = []
  const open = async () => {
    const browser = await openBrowser(demo)
    browsers.push(browser)
    return browser
  }

  beforeAll(() => {
    demo = createDemoServer({ KIRIM_EMULATOR_TIMING: 'manual' } satisfies DemoEnv)
  })
  afterEach(() => {
    for (const browser of browsers.splice(0)) browser.close()
  })
  afterAll(async () => {
    await demo?.close()
  })

  it('refuses the feed without a session', async () => {
    const response = await demo.fetch(request('/api/demo/feed'))
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ error: { code: 'not_authorized' } })
  })

  it('puts a send in its sender’s feed only, with the body and Kirim’s envelope', async () => {
    const first = await open()
    const second = await open()
    const sent = await first.send(text(OPEN_WINDOW, 'Halo dari sesi pertama'))
    expect(sent).toMatchObject({
      kind: 'sent',
      from: SENDER,
      to: OPEN_WINDOW,
      body: { type: 'text', text: { body: 'Halo dari sesi pertama' } },
      providerMessageId: sent.provider,
    })
    expect(Date.parse(sent.createdAt)).not.toBeNaN()
    // The second session's own send is the first frame of its stream: nothing came before it.
    const own = await second.send(text(OPEN_WINDOW, 'Halo dari sesi kedua'))
    expect(second.frames.map((frame) => frame.id)).toEqual([own.id])
    expect(first.frames.map((frame) => frame.id)).toEqual([sent.id])
  })

  it('gives a played customer message to the session that played it, not to the last sender', async () => {
    const sender = await open()
    const player = await open()
    await sender.send(text(OPEN_WINDOW, 'Pesan dari pengirim'))
    const played = await demo.fetch(
      request('/_emulator/inbound', {
        method: 'POST',
        cookie: player.cookie,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from: OPEN_WINDOW, to: SENDER, text: 'Dimainkan oleh sesi lain' }),
      }),
    )
    expect(played.status).toBe(200)
    const receipt = ((await played.json()) as { data: { id: string; created_at: string } }).data
    const entry = await player.waitFor((frame) => frame.id === receipt.id)
    // The emulator's exact time, where Meta's timestamp has whole seconds.
    expect(entry).toMatchObject({
      kind: 'received',
      from: OPEN_WINDOW,
      to: SENDER,
      text: 'Dimainkan oleh sesi lain',
      receivedAt: receipt.created_at,
    })
    // The sender's next message comes after it on the same stream: the played one never came.
    const later = await sender.send(text(OPEN_WINDOW, 'Sesudahnya'))
    expect(sender.frames.map((frame) => frame.id)).not.toContain(receipt.id)
    expect(sender.frames.at(-1)?.id).toBe(later.id)
  })

  it('replays the feed on reconnect after the last event id, keeping each entry’s order', async () => {
    const browser = await open()
    const one = await browser.send(text(OPEN_WINDOW, 'satu'))
    const two = await browser.send(text(OPEN_WINDOW, 'dua'))
    const [first, second] = browser.frames
    expect(second!.order).toBeGreaterThan(first!.order)

    const again = await attach(demo, browser.cookie)
    browsers.push(again)
    await again.waitFor((frame) => frame.id === two.id)
    expect(again.frames.map((frame) => [frame.id, frame.order])).toEqual([
      [one.id, first!.order],
      [two.id, second!.order],
    ])
    const resumed = await attach(demo, browser.cookie, first!.sseId)
    browsers.push(resumed)
    await resumed.waitFor((frame) => frame.id === two.id)
    expect(resumed.frames.map((frame) => frame.id)).toEqual([two.id])
  })

  describe('POST /api/demo/fallbacks', () => {
    const link = (cookie: string | undefined, body: unknown, contentType = 'application/json') =>
      demo.fetch(
        request('/api/demo/fallbacks', {
          method: 'POST',
          ...(cookie === undefined ? {} : { cookie }),
          headers: { 'content-type': contentType },
          body: JSON.stringify(body),
        }),
      )

    it('links a template to the failed text it replaced, and the feed shows the link', async () => {
      const browser = await open()
      const failed = await browser.send(text(CLOSED_WINDOW, 'Di luar jendela'))
      const fallback = await browser.send({
        from: SENDER,
        to: CLOSED_WINDOW,
        type: 'template',
        template: { name: 'reengagement', language: 'id_ID' },
      })
      const answer = await link(browser.cookie, { failed: failed.id, fallback: fallback.id })
      expect(answer.status).toBe(200)
      const linked = await browser.waitFor(
        (frame) =>
          frame.id === fallback.id && frame.kind === 'sent' && frame.fallbackFor === failed.id,
      )
      // An update of the entry, not a new one: its place in the feed stays.
      expect(linked.order).toBe(browser.frames.find((frame) => frame.id === fallback.id)!.order)
    })

    it('refuses a link without a session, as another type, with a field missing, or to another session’s message', async () => {
      const browser = await open()
      const stranger = await open()
      const failed = await browser.send(text(CLOSED_WINDOW, 'Gagal'))
      const theirs = await stranger.send({
        from: SENDER,
        to: CLOSED_WINDOW,
        type: 'template',
        template: { name: 'reengagement', language: 'id_ID' },
      })
      const other = await browser.send(text(CLOSED_WINDOW, 'Bukan template'))

      expect((await link(undefined, { failed: failed.id, fallback: theirs.id })).status).toBe(401)
      const form = await link(browser.cookie, { failed: failed.id }, 'text/plain')
      expect(form.status).toBe(415)
      const missing = await link(browser.cookie, { failed: failed.id })
      expect(missing.status).toBe(400)
      expect(await missing.json()).toMatchObject({
        error: { code: 'invalid_field_value', param: 'fallback' },
      })
      const foreign = await link(browser.cookie, { failed: failed.id, fallback: theirs.id })
      expect(foreign.status).toBe(404)
      expect(await foreign.json()).toMatchObject({
        error: { code: 'resource_not_found', param: 'fallback' },
      })
      const notTemplate = await link(browser.cookie, { failed: failed.id, fallback: other.id })
      expect(notTemplate.status).toBe(400)
      expect(await notTemplate.json()).toMatchObject({
        error: { code: 'invalid_field_value', param: 'fallback' },
      })
      const wrongMethod = await demo.fetch(
        request('/api/demo/fallbacks', { cookie: browser.cookie }),
      )
      expect(wrongMethod.status).toBe(405)
    })
  })
})

describe('the session feeds in live mode, against Kirim over HTTP', () => {
  const KEY = 'kdv_live_feedTestLiveModeKeyServerOnly'
  const SECRET = 'whsec_feedTestLiveModeWebhookSecret'
  let upstream: Emulator
  let api: EmulatorServer
  let demo: DemoServer
  const browsers: Browser[] = []

  beforeAll(async () => {
    upstream = createEmulator({ apiKeys: [KEY], numbers: [SENDER], timing: 'manual' })
    api = await serve(upstream, { port: 0, host: '127.0.0.1' })
    demo = createDemoServer({
      KIRIM_API_KEY: KEY,
      KIRIM_BASE_URL: api.url,
      KIRIM_WEBHOOK_SECRET: SECRET,
      KIRIM_FROM: SENDER,
    })
  })
  afterAll(async () => {
    for (const browser of browsers.splice(0)) browser.close()
    await demo?.close()
    await api?.close()
    await upstream?.close()
  })

  /** Delivers a `message.received` webhook as Kirim would, signed; resolves to the wamid. */
  async function customerWrites(from: string, body: string, context?: string): Promise<string> {
    const wamid = `wamid.${crypto.randomUUID().replaceAll('-', '')}`
    const payload = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340398',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: {
                  display_phone_number: SENDER.slice(1),
                  phone_number_id: PHONE_NUMBER_ID,
                },
                contacts: [{ profile: { name: 'Customer' }, wa_id: from.slice(1) }],
                messages: [
                  {
                    from: from.slice(1),
                    id: wamid,
                    timestamp: String(Math.floor(Date.now() / 1000)),
                    type: 'text',
                    text: { body },
                    ...(context === undefined
                      ? {}
                      : { context: { from: SENDER.slice(1), id: context } }),
                  },
                ],
              },
            },
          ],
        },
      ],
    })
    const response = await demo.fetch(
      new Request(`${ORIGIN}/api/kirim/webhooks`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-kirim-signature': await signWebhook({ body: payload, secret: SECRET }),
          'x-kirim-event': 'message.received',
          'x-kirim-event-id': `evt_${crypto.randomUUID()}`,
          'x-kirim-delivery-id': `wbd_${crypto.randomUUID()}`,
          'x-kirim-attempt': '1',
          'x-kirim-source': 'meta',
        },
        body: payload,
      }),
    )
    expect(response.status, await response.clone().text()).toBeLessThan(300)
    return wamid
  }

  it('routes a reply to the sender of the message it names, else to the pair’s last sender, else to nobody', async () => {
    const first = await openBrowser(demo)
    const second = await openBrowser(demo)
    browsers.push(first, second)
    const answered = await first.send(text(OPEN_WINDOW, 'Pesanan Anda siap?'))
    expect(answered.provider).toMatch(/^wamid\./)
    await second.send(text(OPEN_WINDOW, 'Halo dari sesi kedua'))

    // It names the first session's message: the first session's, though the second wrote last.
    const reply = await customerWrites(OPEN_WINDOW, 'Ya, siap', answered.provider!)
    expect(await first.waitFor((frame) => frame.id === reply)).toMatchObject({
      kind: 'received',
      from: OPEN_WINDOW,
      to: SENDER,
      text: 'Ya, siap',
      inReplyTo: answered.provider,
    })
    // No context: the session that last wrote to the customer from that number.
    const plain = await customerWrites(OPEN_WINDOW, 'Satu lagi')
    await second.waitFor((frame) => frame.id === plain)
    // A customer nobody here wrote to reaches no feed: the next message to each comes first.
    const stranger = await customerWrites('+628177777777', 'Siapa ini?')
    const toFirst = await customerWrites(OPEN_WINDOW, 'Untuk yang pertama', answered.provider!)
    const toSecond = await customerWrites(OPEN_WINDOW, 'Untuk yang kedua')
    await first.waitFor((frame) => frame.id === toFirst)
    await second.waitFor((frame) => frame.id === toSecond)
    const ids = [...first.frames, ...second.frames].map((frame) => frame.id)
    expect(ids).not.toContain(stranger)
    expect(first.frames.map((frame) => frame.id)).not.toContain(plain)
    expect(second.frames.map((frame) => frame.id)).not.toContain(reply)
  })
})
