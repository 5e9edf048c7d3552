// The contract's "Body rules where the docs are silent", each at its edges, over real HTTP:
// unknown fields, size and depth, list sections, template components and parameters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  API_KEY,
  expectAccepted,
  expectApiError,
  type Harness,
  type MessageEnvelope,
  OPEN,
  startEmulator,
} from './helpers.ts'

let h: Harness
beforeAll(async () => {
  h = await startEmulator({ rateLimits: false })
})
afterAll(async () => {
  await h?.close()
})

const MiB = 1024 * 1024
const JSON_TYPE = { 'content-type': 'application/json' }

async function expectRefused(
  payload: unknown,
  param: string,
  code = 'invalid_field_value',
): Promise<void> {
  const before = (await h.stored()).length
  const r = await h.send<unknown>(payload)
  expectApiError(r, { status: 400, type: 'invalid_request_error', code, param })
  expect(await h.stored(), 'a refused send stores nothing').toHaveLength(before)
}

async function expectTaken(payload: unknown): Promise<void> {
  const r = await h.send<MessageEnvelope>(payload)
  expect([200, 202], r.text).toContain(r.status)
}

const postRaw = (raw: string, headers: Record<string, string> = JSON_TYPE) =>
  h.request<MessageEnvelope>('POST', '/v1/messages', { raw, headers })

// --- valid bodies of every shape, each then broken in one place --------------------------

const HTTPS = 'https://cdn.example.com/file.jpg'
const text = { to: OPEN, type: 'text', text: { body: 'Halo' } }
const media = (type: string, extra: object = {}) => ({
  to: OPEN,
  type,
  [type]: { url: HTTPS, ...extra },
})
const template = (extra: object = {}, components?: unknown[]) => ({
  to: OPEN,
  type: 'template',
  template: {
    name: 'reengagement',
    language: 'id_ID',
    ...(components === undefined ? {} : { components }),
    ...extra,
  },
})
const cta = {
  to: OPEN,
  type: 'interactive',
  interactive: {
    type: 'cta_url',
    header: { type: 'image', image: { url: HTTPS } },
    body: { text: 'Klik' },
    footer: { text: 'Kirim' },
    action: { name: 'cta_url', parameters: { display_text: 'Buka', url: 'https://x.example' } },
  },
}
const list = (sections: unknown[] = [{ title: 'A', rows: [{ id: 'a', title: 'A' }] }]) => ({
  to: OPEN,
  type: 'interactive',
  interactive: {
    type: 'list',
    header: { type: 'text', text: 'Pilih' },
    body: { text: 'Pilih satu' },
    action: { button: 'Lihat', sections },
  },
})
const buttons = {
  to: OPEN,
  type: 'interactive',
  interactive: {
    type: 'button',
    body: { text: 'Ya?' },
    action: { buttons: [{ type: 'reply', reply: { id: 'y', title: 'Ya' } }] },
  },
}

/** A deep copy of `value` with `key: 1` added to the object at `path` (dot-separated). */
function withUnknown(value: object, path: string, key: string): object {
  const copy = structuredClone(value) as Record<string, unknown>
  let at: Record<string, unknown> = copy
  for (const part of path === '' ? [] : path.split('.')) {
    at = at[/^\d+$/.test(part) ? Number(part) : part] as Record<string, unknown>
  }
  at[key] = 1
  return copy
}

describe('unknown fields', () => {
  const places: [name: string, body: object, path: string, param: string][] = [
    ['the top level', text, '', 'foo'],
    ['text', text, 'text', 'text.foo'],
    ['image', media('image', { caption: 'x' }), 'image', 'image.foo'],
    ['video', media('video'), 'video', 'video.foo'],
    ['document', media('document', { filename: 'a.pdf' }), 'document', 'document.foo'],
    ['audio', media('audio'), 'audio', 'audio.foo'],
    ['template', template(), 'template', 'template.foo'],
    [
      'template.language',
      template({ language: { code: 'id_ID', policy: 'deterministic' } }),
      'template.language',
      'template.language.foo',
    ],
    ['interactive', cta, 'interactive', 'interactive.foo'],
    ['interactive.header', cta, 'interactive.header', 'interactive.header.foo'],
    ['interactive.header.image', cta, 'interactive.header.image', 'interactive.header.image.foo'],
    ['interactive.body', cta, 'interactive.body', 'interactive.body.foo'],
    ['interactive.footer', cta, 'interactive.footer', 'interactive.footer.foo'],
    ['a cta_url action', cta, 'interactive.action', 'interactive.action.foo'],
    [
      'cta_url parameters',
      cta,
      'interactive.action.parameters',
      'interactive.action.parameters.foo',
    ],
    ['a list action', list(), 'interactive.action', 'interactive.action.foo'],
    [
      'a list section',
      list(),
      'interactive.action.sections.0',
      'interactive.action.sections[0].foo',
    ],
    [
      'a list row',
      list(),
      'interactive.action.sections.0.rows.0',
      'interactive.action.sections[0].rows[0].foo',
    ],
    ['a button action', buttons, 'interactive.action', 'interactive.action.foo'],
    [
      'a reply button',
      buttons,
      'interactive.action.buttons.0',
      'interactive.action.buttons[0].foo',
    ],
    [
      'a reply',
      buttons,
      'interactive.action.buttons.0.reply',
      'interactive.action.buttons[0].reply.foo',
    ],
  ]

  it.each(places)('refuses an unknown field in %s, naming it', async (_, body, path, param) => {
    await expectTaken(body)
    await expectRefused(withUnknown(body, path, 'foo'), param)
  })

  it.each([
    ['image.captoin', media('image'), 'image', 'captoin', 'image.captoin'],
    ['text.foo', text, 'text', 'foo', 'text.foo'],
    ['interactive.action.bar', cta, 'interactive.action', 'bar', 'interactive.action.bar'],
  ])('refuses the typo %s of the issue', async (_, body, path, key, param) => {
    await expectRefused(withUnknown(body, path, key), param)
  })

  it('refuses the payload key of another type and a caption on audio', async () => {
    await expectRefused({ ...text, image: { url: HTTPS } }, 'image')
    await expectRefused(media('audio', { caption: 'x' }), 'audio.caption')
    await expectRefused(withUnknown(cta, 'interactive.header', 'video'), 'interactive.header.video')
  })

  it('names a key that is not an identifier as JavaScript would', async () => {
    await expectRefused({ ...text, 'the key': 1 }, '["the key"]')
    await expectRefused(withUnknown(text, 'text', 'a.b'), 'text["a.b"]')
  })

  it("passes unknown keys through inside template.components (Meta's shape)", async () => {
    const components = [
      {
        type: 'header',
        future_field: { nested: true },
        parameters: [{ type: 'image', image: { link: HTTPS, caption: 'x' }, extra: 1 }],
      },
      { type: 'body', parameter_name_hint: 'x', parameters: [{ type: 'text', text: 'John' }] },
      {
        type: 'button',
        sub_type: 'quick_reply',
        index: '0',
        parameters: [{ type: 'payload', payload: 'yes', meta: 1 }],
      },
    ]
    const r = await h.send<MessageEnvelope>(
      template({ name: 'otp_code', language: 'en_US' }, components),
    )
    const message = expectAccepted(r)
    const stored = (await h.stored()).find((m) => m.id === message.id)
    expect(stored?.template?.components).toEqual(components)
  })
})

describe('size: at most 1 MiB of serialised body', () => {
  const VALID = JSON.stringify(text)
  const padded = (size: number) => VALID + ' '.repeat(size - VALID.length)

  it('takes exactly 1 MiB and answers 1 MiB + 1 byte with 413 request_too_large', async () => {
    expectAccepted(await postRaw(padded(MiB)))
    const r = await postRaw(padded(MiB + 1))
    expectApiError(r, { status: 413, type: 'invalid_request_error', code: 'request_too_large' })
  })

  it('counts UTF-8 bytes, not characters', async () => {
    // A template component (passed through) carries the padding: 2-byte characters.
    const head =
      '{"to":"+628111111111","type":"template","template":{"name":"reengagement","language":"id_ID","components":[{"type":"body","pad":"'
    const tail = '"}]}}'
    const bytes = (s: string) => new TextEncoder().encode(s).byteLength
    const room = MiB - bytes(head) - bytes(tail)
    const atLimit = `${head}${'é'.repeat(Math.floor(room / 2))}${'x'.repeat(room % 2)}${tail}`
    expect(bytes(atLimit)).toBe(MiB)
    expectAccepted(await postRaw(atLimit))
    const over = `${head}${'é'.repeat(Math.floor(room / 2))}${'x'.repeat((room % 2) + 1)}${tail}`
    expect(bytes(over)).toBe(MiB + 1)
    expectApiError(await postRaw(over), {
      status: 413,
      type: 'invalid_request_error',
      code: 'request_too_large',
    })
  })
})

describe('depth: at most 64 levels of objects and arrays', () => {
  /** A template whose first component nests `levels` objects deep inside the body. */
  const nested = (levels: number) => {
    // The body is level 1, template 2, components 3, the component 4: 4 + k levels in all.
    const inner = `${'{"x":'.repeat(levels - 4)}{}${'}'.repeat(levels - 4)}`
    return `{"to":"+628111111111","type":"template","template":{"name":"reengagement","language":"id_ID","components":[{"type":"body","deep":${inner.slice(5, -1)}}]}}`
  }
  const deepParam = (levels: number) => `template.components[0].deep${'.x'.repeat(levels - 5)}`

  it('takes 64 levels and answers 65 with 400 naming the 65th', async () => {
    expectAccepted(await postRaw(nested(64)))
    const r = await postRaw(nested(65))
    expectApiError(r, {
      status: 400,
      type: 'invalid_request_error',
      code: 'invalid_field_value',
      param: deepParam(65),
    })
  })

  it.each([5_000, 20_000])(
    'answers a template component nested %i levels deep with 400, and keeps serving',
    async (levels) => {
      const raw = nested(levels)
      for (const headers of [JSON_TYPE, { ...JSON_TYPE, 'idempotency-key': `deep-${levels}` }]) {
        const r = await postRaw(raw, headers)
        expectApiError(r, {
          status: 400,
          type: 'invalid_request_error',
          code: 'invalid_field_value',
          param: deepParam(65),
        })
      }
      expect((await h.get('/v1/health', { key: null })).status).toBe(200)
      expectAccepted(await h.send<MessageEnvelope>(text))
    },
  )

  it('checks depth before unknown fields, and in arrays too', async () => {
    const junk = `${'['.repeat(20_000)}${']'.repeat(20_000)}`
    const r = await postRaw(
      `{"to":"+628111111111","type":"text","text":{"body":"x"},"junk":${junk}}`,
    )
    expectApiError(r, {
      status: 400,
      type: 'invalid_request_error',
      code: 'invalid_field_value',
      param: `junk${'[0]'.repeat(63)}`,
    })
  })

  it('applies to every JSON body: webhook subscriptions too', async () => {
    const r = await h.request('POST', '/v1/webhook_subscriptions', {
      raw: `{"url":"https://x.example","events":${'['.repeat(70)}${']'.repeat(70)}}`,
      headers: { ...JSON_TYPE, authorization: `Bearer ${API_KEY}` },
    })
    expectApiError(r, {
      status: 400,
      type: 'invalid_request_error',
      code: 'invalid_field_value',
      param: `events${'[0]'.repeat(63)}`,
    })
  })
})

describe('list sections', () => {
  const S = 'interactive.action.sections'
  const row = (id: string) => ({ id, title: id })

  it('needs at least one row in every section', async () => {
    await expectRefused(
      list([
        { title: 'A', rows: [] },
        { title: 'B', rows: [row('b')] },
      ]),
      `${S}[0].rows`,
    )
    await expectRefused(list([{ rows: [] }]), `${S}[0].rows`)
  })

  it('needs a title of 1–24 on every section once there are two', async () => {
    await expectRefused(
      list([
        { title: 'A', rows: [row('a')] },
        { title: '', rows: [row('b')] },
      ]),
      `${S}[1].title`,
    )
    await expectRefused(
      list([{ title: 'A', rows: [row('a')] }, { rows: [row('b')] }]),
      `${S}[1].title`,
      'missing_required_field',
    )
    await expectRefused(
      list([
        { title: 'A', rows: [row('a')] },
        { title: 'x'.repeat(25), rows: [row('b')] },
      ]),
      `${S}[1].title`,
    )
    await expectTaken(
      list([
        { title: 'A', rows: [row('a')] },
        { title: 'x'.repeat(24), rows: [row('b')] },
      ]),
    )
  })

  it('leaves the title of a single section optional (at most 24)', async () => {
    await expectTaken(list([{ rows: [row('a')] }]))
    await expectTaken(list([{ title: '', rows: [row('a')] }]))
    await expectRefused(list([{ title: 'x'.repeat(25), rows: [row('a')] }]), `${S}[0].title`)
  })
})

describe('template components', () => {
  const C = 'template.components'
  const bodyOf = (...parameters: unknown[]) => ({ type: 'body', parameters })
  const textParameter = { type: 'text', text: 'x' }
  const button = (index: unknown, parameters: unknown[] = [{ type: 'payload', payload: 'p' }]) => ({
    type: 'button',
    sub_type: 'quick_reply',
    index,
    parameters,
  })
  const headerOf = (parameter: unknown) => ({ type: 'header', parameters: [parameter] })

  it('takes a body with no parameters, or with an empty list (a template without variables)', async () => {
    await expectTaken(template({}, [{ type: 'body' }]))
    await expectTaken(template({}, [{ type: 'body', parameters: [] }]))
  })

  it('takes at most one header and one body', async () => {
    await expectRefused(
      template({}, [bodyOf(textParameter), bodyOf(textParameter)]),
      `${C}[1].type`,
    )
    await expectRefused(
      template({}, [headerOf(textParameter), bodyOf(), headerOf(textParameter)]),
      `${C}[2].type`,
    )
    await expectTaken(template({}, [headerOf(textParameter), { type: 'body' }]))
  })

  it('needs exactly one header parameter', async () => {
    await expectRefused(template({}, [{ type: 'header', parameters: [] }]), `${C}[0].parameters`)
    await expectRefused(
      template({}, [{ type: 'header', parameters: [textParameter, textParameter] }]),
      `${C}[0].parameters`,
    )
  })

  it('needs exactly one non-empty payload or text per button, and unique indexes', async () => {
    await expectTaken(
      template({}, [
        button('0'),
        button('1', [{ type: 'text', text: 'suffix' }]),
        { ...button('2', [{ type: 'coupon_code', coupon_code: 'KODE' }]), sub_type: 'copy_code' },
      ]),
    )
    await expectRefused(template({}, [button('0', [])]), `${C}[0].parameters`)
    await expectRefused(
      template({}, [
        button('0', [
          { type: 'payload', payload: 'a' },
          { type: 'payload', payload: 'b' },
        ]),
      ]),
      `${C}[0].parameters`,
    )
    await expectRefused(
      template({}, [button('0', [{ type: 'payload', payload: '' }])]),
      `${C}[0].parameters[0].payload`,
    )
    await expectRefused(
      template({}, [button('0', [{ type: 'text', text: '' }])]),
      `${C}[0].parameters[0].text`,
    )
    await expectRefused(template({}, [button('0'), bodyOf(), button('0')]), `${C}[2].index`)
    await expectRefused(template({}, [button(0)]), `${C}[0].index`)
    await expectRefused(template({}, [button('10')]), `${C}[0].index`)
  })
})

describe('template parameters', () => {
  const P = 'template.components[0].parameters[0]'
  const withBody = (parameter: unknown) =>
    template({ name: 'otp_code', language: 'en_US' }, [{ type: 'body', parameters: [parameter] }])
  const currency = (patch: object) =>
    withBody({
      type: 'currency',
      currency: { fallback_value: 'Rp 10.000', code: 'IDR', amount_1000: 10_000_000, ...patch },
    })
  const withHeader = (parameter: unknown) =>
    template({}, [{ type: 'header', parameters: [parameter] }])

  it('needs a non-empty text', async () => {
    await expectTaken(withBody({ type: 'text', text: 'x' }))
    await expectRefused(withBody({ type: 'text', text: '' }), `${P}.text`)
  })

  it.each(['IDR', 'USD', 'EUR'])('takes the currency code %s', async (code) => {
    await expectTaken(currency({ code }))
  })

  it.each(['idr', 'ID', 'IDRX', 'I1R', '123', 'Idr', ''])(
    'refuses the currency code "%s" (three upper-case letters)',
    async (code) => {
      await expectRefused(currency({ code }), `${P}.currency.code`)
    },
  )

  it('needs an integer amount_1000 and a non-empty fallback_value', async () => {
    await expectTaken(currency({ amount_1000: 0 }))
    await expectTaken(currency({ amount_1000: -5 }))
    await expectRefused(currency({ amount_1000: 1.5 }), `${P}.currency.amount_1000`)
    await expectRefused(currency({ amount_1000: '1000' }), `${P}.currency.amount_1000`)
    await expectRefused(
      currency({ amount_1000: undefined }),
      `${P}.currency.amount_1000`,
      'missing_required_field',
    )
    await expectRefused(currency({ fallback_value: '' }), `${P}.currency.fallback_value`)
  })

  it('needs a non-empty date_time fallback_value', async () => {
    await expectTaken(withBody({ type: 'date_time', date_time: { fallback_value: 'Senin' } }))
    await expectRefused(
      withBody({ type: 'date_time', date_time: { fallback_value: '' } }),
      `${P}.date_time.fallback_value`,
    )
  })

  it.each(['image', 'video', 'document'])(
    'takes %s header media by an https link or a non-empty id, never both',
    async (type) => {
      const at = `${P}.${type}`
      await expectTaken(withHeader({ type, [type]: { link: HTTPS } }))
      await expectTaken(withHeader({ type, [type]: { id: '1234567890' } }))
      await expectRefused(
        withHeader({ type, [type]: { link: 'http://cdn.example.com/a' } }),
        `${at}.link`,
      )
      await expectRefused(withHeader({ type, [type]: { id: '' } }), `${at}.id`)
      await expectRefused(withHeader({ type, [type]: { link: HTTPS, id: '1' } }), `${at}.id`)
      await expectRefused(withHeader({ type, [type]: {} }), `${at}.link`, 'missing_required_field')
    },
  )
})
