import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  bodyParams,
  CLOSED,
  expectAccepted,
  expectApiError,
  expectFailed,
  type Harness,
  OPEN,
  type Page,
  REQ_ID,
  SECOND,
  startEmulator,
  type Template,
  TMPL_ID,
  templateTo,
} from './helpers.ts'

let h: Harness
beforeAll(async () => {
  h = await startEmulator()
})
afterAll(async () => {
  await h?.close()
})

function list(query = '') {
  return h.get<Page<Template>>(`/v1/templates${query}`)
}

/** Walks every page; returns the pages' items in order and checks each page's shape. */
async function walk(params: Record<string, string>, limit?: number): Promise<Template[]> {
  const items: Template[] = []
  let cursor: string | null = null
  for (let page = 0; page < 500; page++) {
    const q = new URLSearchParams(params)
    if (limit !== undefined) q.set('limit', String(limit))
    if (cursor !== null) q.set('cursor', cursor)
    const r = await list(`?${q}`)
    expect(r.status, r.text).toBe(200)
    expect(r.body.request_id).toMatch(REQ_ID)
    expect(r.headers.get('x-request-id')).toBe(r.body.request_id)
    expect(r.body.data.length).toBeLessThanOrEqual(limit ?? 25)
    items.push(...r.body.data)
    if (!r.body.has_more) {
      expect(r.body.next_cursor).toBeNull()
      return items
    }
    expect(r.body.data).toHaveLength(limit ?? 25)
    expect(r.body.next_cursor).toBeTypeOf('string')
    cursor = r.body.next_cursor
  }
  throw new Error('pagination never ended')
}

const bodyParamCount = (t: Template): number => {
  const body = t.components.find((c) => c.type === 'BODY')?.text ?? ''
  return new Set(body.match(/\{\{\d+\}\}/g) ?? []).size
}

describe('GET /v1/templates', () => {
  let all: Template[]
  beforeAll(async () => {
    all = await walk({}, 100)
  })

  it('lists templates in the documented item shape', () => {
    for (const t of all) {
      expect(t.id).toMatch(TMPL_ID)
      expect(t.object).toBe('template')
      expect(t.name).toMatch(/^[a-z0-9_]{1,512}$/)
      expect(t.language).toMatch(/^[a-z]{2,3}(_[A-Z]{2,4})?$/)
      expect(['approved', 'pending', 'rejected', 'paused', 'disabled']).toContain(t.status)
      expect(['MARKETING', 'UTILITY', 'AUTHENTICATION']).toContain(t.category)
      expect(Array.isArray(t.components)).toBe(true)
      for (const c of t.components)
        expect(['HEADER', 'BODY', 'FOOTER', 'BUTTONS']).toContain(c.type)
    }
  })

  it('seeds enough templates to need several pages at the default limit', async () => {
    expect(all.length).toBeGreaterThan(25)
    const first = await list()
    expect(first.body.data).toHaveLength(25)
    expect(first.body.has_more).toBe(true)
  })

  it.each([1, 7, 25, 100])(
    'pages through every template with limit=%i without loss or repeats',
    async (limit) => {
      const items = await walk({}, limit)
      const ids = items.map((t) => t.id)
      expect(new Set(ids).size).toBe(ids.length)
      expect(ids).toEqual(all.map((t) => t.id))
    },
  )

  it('pages with the default limit without loss or repeats', async () => {
    const items = await walk({})
    expect(items.map((t) => t.id)).toEqual(all.map((t) => t.id))
  })

  it.each([
    ['order_confirmation', 'id_ID', 'approved', 'UTILITY', 2],
    ['reengagement', 'id_ID', 'approved', 'MARKETING', 0],
    ['otp_code', 'en_US', 'approved', 'AUTHENTICATION', 1],
  ] as const)(
    'seeds %s (%s, %s, %s, %i body parameters)',
    (name, language, status, category, params) => {
      const t = all.find((x) => x.name === name && x.language === language)
      expect(t, name).toBeDefined()
      expect(t!.status).toBe(status)
      expect(t!.category).toBe(category)
      expect(bodyParamCount(t!)).toBe(params)
    },
  )

  it.each([
    ['promo_paused', 'paused'],
    ['old_promo', 'disabled'],
    ['new_launch', 'pending'],
  ])('seeds %s as %s', (name, status) => {
    const t = all.find((x) => x.name === name)
    expect(t, name).toBeDefined()
    expect(t!.status).toBe(status)
  })

  it('filters by status, with pagination inside the filter', async () => {
    const approved = await walk({ status: 'approved' }, 7)
    expect(approved.length).toBeGreaterThan(0)
    expect(approved.every((t) => t.status === 'approved')).toBe(true)
    expect(approved.map((t) => t.id)).toEqual(
      all.filter((t) => t.status === 'approved').map((t) => t.id),
    )
    expect(approved.map((t) => t.name)).toEqual(
      expect.arrayContaining(['order_confirmation', 'reengagement', 'otp_code']),
    )
    const paused = await walk({ status: 'paused' }, 1)
    expect(paused.map((t) => t.name)).toContain('promo_paused')
    expect(paused.every((t) => t.status === 'paused')).toBe(true)
  })

  it('filters by language', async () => {
    const en = await walk({ language: 'en_US' }, 100)
    expect(en.map((t) => t.name)).toContain('otp_code')
    expect(en.every((t) => t.language === 'en_US')).toBe(true)
    expect(en.map((t) => t.id)).toEqual(all.filter((t) => t.language === 'en_US').map((t) => t.id))
  })

  it('filters by name', async () => {
    const named = await walk({ name: 'order_confirmation' }, 100)
    expect(named.length).toBeGreaterThanOrEqual(1)
    expect(named.every((t) => t.name === 'order_confirmation')).toBe(true)
    const none = await walk({ name: 'no_such_template' }, 100)
    expect(none).toEqual([])
  })

  it('combines filters', async () => {
    const both = await walk({ status: 'approved', language: 'en_US' }, 100)
    expect(both.every((t) => t.status === 'approved' && t.language === 'en_US')).toBe(true)
    expect(both.map((t) => t.name)).toContain('otp_code')
  })

  it.each(['0', '101', 'abc', '-1', '2.5'])(
    'answers 400 invalid_limit for limit=%s',
    async (limit) => {
      const r = await list(`?limit=${encodeURIComponent(limit)}`)
      expectApiError(r, { status: 400, type: 'invalid_request_error', code: 'invalid_limit' })
    },
  )

  it('answers 400 invalid_cursor for a tampered cursor', async () => {
    const first = await list('?limit=5')
    const cursor = first.body.next_cursor!
    expect(cursor).toBeTypeOf('string')
    const mid = Math.floor(cursor.length / 2)
    const flipped = `${cursor.slice(0, mid)}${cursor[mid] === 'A' ? 'B' : 'A'}${cursor.slice(mid + 1)}`
    const forged = Buffer.from(JSON.stringify({ offset: 3 })).toString('base64url')
    for (const bad of [flipped, `${cursor}x`, cursor.slice(0, -2), 'not-a-cursor', forged]) {
      const r = await list(`?limit=5&cursor=${encodeURIComponent(bad)}`)
      expectApiError(r, { status: 400, type: 'invalid_request_error', code: 'invalid_cursor' })
    }
    // The genuine cursor still works.
    const second = await list(`?limit=5&cursor=${encodeURIComponent(cursor)}`)
    expect(second.status).toBe(200)
  })

  it('answers 400 invalid_cursor for a cursor reused with other filters', async () => {
    const approved = await list('?status=approved&limit=2')
    const cursor = approved.body.next_cursor!
    expect(cursor).toBeTypeOf('string')
    for (const q of [
      '?status=paused',
      '?language=en_US&status=approved',
      '?name=otp_code&status=approved',
      '',
    ]) {
      const sep = q === '' ? '?' : '&'
      const r = await list(`${q}${sep}limit=2&cursor=${encodeURIComponent(cursor)}`)
      expectApiError(r, { status: 400, type: 'invalid_request_error', code: 'invalid_cursor' })
    }
  })
})

describe('sending templates, and failures found after acceptance', () => {
  it('accepts order_confirmation with its two body parameters and delivers it', async () => {
    const m = expectAccepted(
      await h.send(
        templateTo(OPEN, 'order_confirmation', 'id_ID', bodyParams('John', 'ORD-12345')),
      ),
    )
    await h.advance(30 * SECOND)
    expect((await h.message(m.id)).status).toBe('read')
  })

  it('accepts otp_code with one body parameter', async () => {
    const m = expectAccepted(
      await h.send(templateTo(CLOSED, 'otp_code', 'en_US', bodyParams('123456'))),
    )
    await h.advance(30 * SECOND)
    expect((await h.message(m.id)).status).toBe('read')
  })

  async function expectEventuallyFailed(payload: unknown, code: string, provider: number) {
    const r = await h.send(payload)
    expect([200, 202], r.text).toContain(r.status)
    await h.advance(30 * SECOND)
    const m = await h.message(r.body.data.id)
    expectFailed(m, code, provider)
  }

  it.each([
    ['an unknown name', templateTo(OPEN, 'no_such_template')],
    [
      'a known name in an unknown language',
      templateTo(OPEN, 'order_confirmation', 'en_US', bodyParams('a', 'b')),
    ],
    ['a template that is still pending approval', templateTo(OPEN, 'new_launch')],
  ])('fails %s with template_not_found (132001)', async (_, payload) => {
    await expectEventuallyFailed(payload, 'template_not_found', 132001)
  })

  it.each([
    ['paused', 'promo_paused', 'template_paused', 132015],
    ['disabled', 'old_promo', 'template_disabled', 132016],
  ] as const)('fails a %s template at once with its code', async (_, name, code, provider) => {
    // emulator.md gives these seeds no language: send in the one the list shows.
    const seeded = await list(`?name=${name}`)
    const language = seeded.body.data[0]?.language
    expect(language, `${name} is seeded`).toBeDefined()
    const m = expectAccepted(await h.send(templateTo(OPEN, name, language)), 'failed')
    expectFailed(m, code, provider)
  })

  it.each([
    ['one parameter short', bodyParams('John')],
    ['one parameter too many', bodyParams('John', 'ORD-1', 'extra')],
    ['no components at all', undefined],
  ])(
    'accepts order_confirmation with %s, then fails it with template_param_count_mismatch',
    async (_, components) => {
      const r = await h.send(templateTo(OPEN, 'order_confirmation', 'id_ID', components))
      const m = expectAccepted(r)
      await h.advance(30 * SECOND)
      expectFailed(await h.message(m.id), 'template_param_count_mismatch', 132000)
    },
  )

  it('accepts then fails media from unreachable.example with media_download_failed', async () => {
    const r = await h.send({
      to: OPEN,
      type: 'image',
      image: { url: 'https://unreachable.example/cat.jpg' },
    })
    const m = expectAccepted(r)
    await h.advance(30 * SECOND)
    expectFailed(await h.message(m.id), 'media_download_failed', 131053)
  })
})

describe('the templates option', () => {
  it('replaces the seeds, and counts distinct {{n}} placeholders of the BODY', async () => {
    const own = await startEmulator({
      templates: [
        {
          name: 'repeat_greeting',
          language: 'en_US',
          status: 'approved',
          category: 'UTILITY',
          components: [
            { type: 'HEADER', format: 'TEXT', text: 'Hi {{1}}' },
            { type: 'BODY', text: 'Hello {{1}}, your code {{2}}. Again, {{1}}!' },
            { type: 'FOOTER', text: 'Kirim' },
          ],
        },
      ],
    })
    try {
      const listed = await own.get<Page<Template>>('/v1/templates')
      expect(listed.body.data.map((t) => t.name)).toEqual(['repeat_greeting'])
      expect(listed.body.has_more).toBe(false)
      expect(listed.body.next_cursor).toBeNull()
      const seeded = await own.send(
        templateTo(OPEN, 'order_confirmation', 'id_ID', bodyParams('a', 'b')),
      )
      await own.advance(30 * SECOND)
      expectFailed(await own.message(seeded.body.data.id), 'template_not_found', 132001)

      const two = expectAccepted(
        await own.send(templateTo(OPEN, 'repeat_greeting', 'en_US', bodyParams('Ana', '123'))),
      )
      const three = expectAccepted(
        await own.send(
          templateTo(OPEN, 'repeat_greeting', 'en_US', bodyParams('Ana', '123', 'Ana')),
        ),
      )
      await own.advance(30 * SECOND)
      expect((await own.message(two.id)).status).toBe('read')
      expectFailed(await own.message(three.id), 'template_param_count_mismatch', 132000)
    } finally {
      await own.close()
    }
  })
})
