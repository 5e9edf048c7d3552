import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type ApiResponse,
  expectAccepted,
  expectApiError,
  type Harness,
  type MessageEnvelope,
  NUMBER,
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

// --- builders: every payload starts valid and breaks exactly one rule ---------------------

const chars = (n: number, ch = 'a'): string => ch.repeat(n)
const EMOJI = '😀' // one code point, two UTF-16 units

type Row = { id?: unknown; title?: unknown; description?: unknown }
type Section = { title?: unknown; rows?: unknown }

const rows = (n: number, prefix = 'row'): Row[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}_${i}`, title: `Row ${i}` }))

/** Four rows, the one at index 3 patched (so params read `rows[3]`). */
const rowsWith = (patch: Row): Row[] => {
  const r = rows(4)
  r[3] = { ...r[3], ...patch }
  return r
}

const text = (body: unknown, extra: Record<string, unknown> = {}) => ({
  to: OPEN,
  type: 'text',
  text: { body, ...extra },
})

interface ListPatch {
  sections?: Section[]
  button?: unknown
  header?: unknown
  footer?: unknown
  body?: unknown
}

const list = (patch: ListPatch = {}) => ({
  to: OPEN,
  type: 'interactive',
  interactive: {
    type: 'list',
    header: 'header' in patch ? patch.header : { type: 'text', text: 'Pilih layanan' },
    body: 'body' in patch ? patch.body : { text: 'Layanan apa yang Anda butuhkan?' },
    footer: 'footer' in patch ? patch.footer : { text: 'Pilih satu' },
    action: {
      button: 'button' in patch ? patch.button : 'Lihat opsi',
      sections: patch.sections ?? [{ title: 'Bantuan', rows: rows(2) }],
    },
  },
})

const sectionsOf = (...counts: number[]): Section[] =>
  counts.map((n, i) => ({ title: `Section ${i}`, rows: rows(n, `s${i}`) }))

interface CtaPatch {
  display_text?: unknown
  url?: unknown
  header?: unknown
  footer?: unknown
  body?: unknown
}

const cta = (patch: CtaPatch = {}) => {
  const interactive: Record<string, unknown> = {
    type: 'cta_url',
    body: 'body' in patch ? patch.body : { text: 'Klik untuk melacak pesanan Anda.' },
    action: {
      name: 'cta_url',
      parameters: {
        display_text: 'display_text' in patch ? patch.display_text : 'Lacak Pesanan',
        url: 'url' in patch ? patch.url : 'https://your-app.example.com/orders/12345',
      },
    },
  }
  if ('header' in patch) interactive.header = patch.header
  if ('footer' in patch) interactive.footer = patch.footer
  return { to: OPEN, type: 'interactive', interactive }
}

const reply = (id: unknown, title: unknown) => ({ type: 'reply', reply: { id, title } })
const buttons = (items: unknown[], extra: Record<string, unknown> = {}) => ({
  to: OPEN,
  type: 'interactive',
  interactive: {
    type: 'button',
    body: { text: 'Pilih satu' },
    action: { buttons: items },
    ...extra,
  },
})
const replies = (n: number) => Array.from({ length: n }, (_, i) => reply(`b${i}`, `Pilihan ${i}`))

const media = (type: string, payload: Record<string, unknown>) => ({
  to: OPEN,
  type,
  [type]: payload,
})

const template = (name: unknown, language: unknown = 'id_ID', components?: unknown) => ({
  to: OPEN,
  type: 'template',
  template: { name, language, components },
})

// --- assertions ----------------------------------------------------------------------

async function expectRejected(
  payload: unknown,
  code: string,
  param: string | RegExp,
): Promise<ApiResponse<unknown>> {
  const before = (await h.stored()).length
  const r = await h.send<unknown>(payload)
  expectApiError(r, { status: 400, type: 'invalid_request_error', code, param })
  expect(await h.stored(), 'a rejected send stores nothing').toHaveLength(before)
  return r
}

async function expectOk(payload: unknown): Promise<void> {
  const r = await h.send<MessageEnvelope>(payload)
  expect([200, 202], r.text).toContain(r.status)
  expect(['pending', 'failed']).toContain(r.body.data.status)
}

type Case = [name: string, payload: unknown, param: string | RegExp]
const ok = (cases: [string, unknown][]) =>
  it.each(cases)('accepts %s', async (_, payload) => expectOk(payload))
const invalid = (cases: Case[]) =>
  it.each(cases)('rejects %s with invalid_field_value', async (_, payload, param) => {
    await expectRejected(payload, 'invalid_field_value', param)
  })

// --- the rules ------------------------------------------------------------------------

describe('text', () => {
  ok([
    ['a 1-character body', text('a')],
    ['a 4096-character body', text(chars(4096))],
    ['a 4096-emoji body (code points, not UTF-16 units)', text(chars(4096, EMOJI))],
    ['4095 letters and one emoji', text(`${chars(4095)}${EMOJI}`)],
    ['a whitespace-only body', text(' ')],
    ['preview_url: true', text('https://kirim.chat', { preview_url: true })],
  ])

  invalid([
    ['an unknown top-level field', { ...text('Halo'), tracking: { x: 1 } }, 'tracking'],
    ['an unknown field in text', text('Halo', { foo: 'bar' }), 'text.foo'],
    ['a 4097-character body', text(chars(4097)), 'text.body'],
    ['a 4097-emoji body', text(chars(4097, EMOJI)), 'text.body'],
    ['an empty body', text(''), 'text.body'],
  ])

  it('rejects a 4097-character body quickly and names the limit', async () => {
    const r = await expectRejected(text(chars(4097)), 'invalid_field_value', 'text.body')
    expect(r.elapsedMs).toBeLessThan(1000)
  })
})

describe('media', () => {
  const HTTPS = 'https://cdn.example.com/file'
  ok([
    [
      'an image with a 1024-character caption',
      media('image', { url: HTTPS, caption: chars(1024) }),
    ],
    [
      'an image with a 1024-emoji caption',
      media('image', { url: HTTPS, caption: chars(1024, EMOJI) }),
    ],
    ['a video with a 1024-character caption', media('video', { url: HTTPS, caption: chars(1024) })],
    [
      'a document with caption and a 240-char filename',
      media('document', { url: HTTPS, caption: 'x', filename: chars(240) }),
    ],
    ['an audio without caption', media('audio', { url: HTTPS })],
    ['an image without caption', media('image', { url: HTTPS })],
  ])

  invalid([
    [
      'an image caption of 1025 characters',
      media('image', { url: HTTPS, caption: chars(1025) }),
      'image.caption',
    ],
    [
      'a video caption of 1025 characters',
      media('video', { url: HTTPS, caption: chars(1025) }),
      'video.caption',
    ],
    [
      'a document caption of 1025 characters',
      media('document', { url: HTTPS, caption: chars(1025) }),
      'document.caption',
    ],
    [
      'a document filename of 241 characters',
      media('document', { url: HTTPS, filename: chars(241) }),
      'document.filename',
    ],
    [
      'a caption on audio',
      media('audio', { url: HTTPS, caption: 'no captions on audio' }),
      'audio.caption',
    ],
  ])

  const badUrls: [string, string][] = [
    ['an http URL', 'http://cdn.example.com/file.jpg'],
    ['not a URL', 'not a url'],
    ['a relative URL', '/files/a.jpg'],
    ['an ftp URL', 'ftp://cdn.example.com/file.jpg'],
    ['an empty URL', ''],
  ]
  for (const type of ['image', 'video', 'document', 'audio']) {
    invalid(
      badUrls.map(
        ([what, url]): Case => [`${type} with ${what}`, media(type, { url }), `${type}.url`],
      ),
    )
  }
})

describe('interactive list', () => {
  ok([
    ['the defaults of the builder', list()],
    ['10 rows in one section', list({ sections: sectionsOf(10) })],
    ['10 rows in total across sections (4+3+3)', list({ sections: sectionsOf(4, 3, 3) })],
    ['10 sections (one row each)', list({ sections: sectionsOf(1, 1, 1, 1, 1, 1, 1, 1, 1, 1) })],
    ['a single section without a title', list({ sections: [{ rows: rows(2) }] })],
    [
      'a row title of 24',
      list({ sections: [{ title: 'S', rows: rowsWith({ title: chars(24) }) }] }),
    ],
    [
      'a row description of 72',
      list({ sections: [{ title: 'S', rows: rowsWith({ description: chars(72) }) }] }),
    ],
    ['a row id of 200', list({ sections: [{ title: 'S', rows: rowsWith({ id: chars(200) }) }] })],
    [
      'a section title of 24',
      list({
        sections: [
          { title: 'S', rows: rows(1) },
          { title: chars(24), rows: rows(1, 'b') },
        ],
      }),
    ],
    ['a button of 20', list({ button: chars(20) })],
    ['a header of 60', list({ header: { type: 'text', text: chars(60) } })],
    ['a footer of 60', list({ footer: { text: chars(60) } })],
    ['a body of 1024', list({ body: { text: chars(1024) } })],
    ['no header and no footer', list({ header: undefined, footer: undefined })],
  ])

  const S = 'interactive.action.sections'
  invalid([
    [
      '11 rows in one section',
      list({ sections: sectionsOf(11) }),
      /^interactive\.action\.sections/,
    ],
    [
      '11 rows in total across sections (6+5)',
      list({ sections: sectionsOf(6, 5) }),
      /^interactive\.action\.sections/,
    ],
    [
      '11 sections',
      list({ sections: sectionsOf(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1) }),
      /^interactive\.action\.sections/,
    ],
    ['zero sections', list({ sections: [] }), /^interactive\.action\.sections/],
    [
      'a row title of 25',
      list({ sections: [{ title: 'S', rows: rowsWith({ title: chars(25) }) }] }),
      `${S}[0].rows[3].title`,
    ],
    [
      'an empty row title',
      list({ sections: [{ title: 'S', rows: rowsWith({ title: '' }) }] }),
      `${S}[0].rows[3].title`,
    ],
    [
      'a row description of 73',
      list({ sections: [{ title: 'S', rows: rowsWith({ description: chars(73) }) }] }),
      `${S}[0].rows[3].description`,
    ],
    [
      'a row id of 201',
      list({ sections: [{ title: 'S', rows: rowsWith({ id: chars(201) }) }] }),
      `${S}[0].rows[3].id`,
    ],
    [
      'an empty row id',
      list({ sections: [{ title: 'S', rows: rowsWith({ id: '' }) }] }),
      `${S}[0].rows[3].id`,
    ],
    [
      'duplicate row ids across sections',
      list({
        sections: [
          { title: 'A', rows: rows(2, 'same') },
          { title: 'B', rows: rows(1, 'same') },
        ],
      }),
      /^interactive\.action\.sections/,
    ],
    [
      'duplicate row ids in one section',
      list({ sections: [{ title: 'A', rows: [...rows(2), ...rows(1)] }] }),
      /^interactive\.action\.sections/,
    ],
    [
      'a section title of 25',
      list({
        sections: [
          { title: 'S', rows: rows(1) },
          { title: chars(25), rows: rows(1, 'b') },
        ],
      }),
      `${S}[1].title`,
    ],
    ['a button of 21', list({ button: chars(21) }), 'interactive.action.button'],
    ['an empty button', list({ button: '' }), 'interactive.action.button'],
    [
      'a header of 61',
      list({ header: { type: 'text', text: chars(61) } }),
      'interactive.header.text',
    ],
    ['a footer of 61', list({ footer: { text: chars(61) } }), 'interactive.footer.text'],
    ['a body of 1025', list({ body: { text: chars(1025) } }), 'interactive.body.text'],
    ['an empty body', list({ body: { text: '' } }), 'interactive.body.text'],
    [
      'an image header (list headers are text only)',
      list({ header: { type: 'image', image: { url: 'https://cdn.example.com/a.jpg' } } }),
      /^interactive\.header/,
    ],
  ])

  it('asks for a title on every section when there are 2+ sections', async () => {
    await expectRejected(
      list({ sections: [{ title: 'A', rows: rows(1, 'a') }, { rows: rows(1, 'b') }] }),
      'missing_required_field',
      `${S}[1].title`,
    )
  })
})

describe('interactive cta_url', () => {
  ok([
    ['the seed shape', cta()],
    ['a display_text of 20', cta({ display_text: chars(20) })],
    ['a body of 1024', cta({ body: { text: chars(1024) } })],
    [
      'a text header of 60 and a footer of 60',
      cta({ header: { type: 'text', text: chars(60) }, footer: { text: chars(60) } }),
    ],
    [
      'an image header',
      cta({ header: { type: 'image', image: { url: 'https://cdn.example.com/a.jpg' } } }),
    ],
  ])
  invalid([
    [
      'a display_text of 21',
      cta({ display_text: chars(21) }),
      'interactive.action.parameters.display_text',
    ],
    [
      'an empty display_text',
      cta({ display_text: '' }),
      'interactive.action.parameters.display_text',
    ],
    [
      'an http url',
      cta({ url: 'http://your-app.example.com/orders/1' }),
      'interactive.action.parameters.url',
    ],
    ['a url that is not a URL', cta({ url: 'orders/12345' }), 'interactive.action.parameters.url'],
    ['a javascript: url', cta({ url: 'javascript:alert(1)' }), 'interactive.action.parameters.url'],
    ['a body of 1025', cta({ body: { text: chars(1025) } }), 'interactive.body.text'],
    [
      'a text header of 61',
      cta({ header: { type: 'text', text: chars(61) } }),
      'interactive.header.text',
    ],
    ['a footer of 61', cta({ footer: { text: chars(61) } }), 'interactive.footer.text'],
    [
      'an image header with an http url',
      cta({ header: { type: 'image', image: { url: 'http://cdn.example.com/a.jpg' } } }),
      'interactive.header.image.url',
    ],
  ])
})

describe('interactive reply buttons', () => {
  const B = 'interactive.action.buttons'
  ok([
    ['1 button', buttons(replies(1))],
    ['3 buttons', buttons(replies(3))],
    ['a title of 20', buttons([reply('a', chars(20))])],
    ['an id of 256', buttons([reply('a', 'A'), reply(chars(256), 'B')])],
    [
      'a text header and a footer',
      buttons(replies(2), { header: { type: 'text', text: 'Hi' }, footer: { text: 'Bye' } }),
    ],
  ])
  invalid([
    ['4 buttons', buttons(replies(4)), B],
    ['0 buttons', buttons([]), B],
    ['a title of 21', buttons([reply('a', chars(21))]), `${B}[0].reply.title`],
    ['an empty title', buttons([reply('a', '')]), `${B}[0].reply.title`],
    ['an id of 257', buttons([reply('a', 'A'), reply(chars(257), 'B')]), `${B}[1].reply.id`],
    ['an empty id', buttons([reply('', 'A')]), `${B}[0].reply.id`],
    [
      'duplicate ids',
      buttons([reply('same', 'A'), reply('same', 'B')]),
      /^interactive\.action\.buttons/,
    ],
    [
      'a button type other than reply',
      buttons([{ type: 'url', reply: { id: 'a', title: 'A' } }]),
      `${B}[0].type`,
    ],
    [
      'a body of 1025',
      buttons(replies(1), { body: { text: chars(1025) } }),
      'interactive.body.text',
    ],
  ])
})

describe('phone numbers', () => {
  const bad: [string, string][] = [
    ['no plus', '628111111111'],
    ['letters', '+62811abc1111'],
    ['16 digits', '+1234567890123456'],
    ['a leading 0', '+0811111111'],
    ['one digit', '+1'],
    ['spaces', '+62 811 1111 111'],
    ['dashes', '+62-811-1111-111'],
    ['an empty string', ''],
    ['a bare plus', '+'],
  ]
  it.each(bad)('rejects a `to` with %s as invalid_phone_number', async (_, to) => {
    await expectRejected({ ...text('Halo'), to }, 'invalid_phone_number', 'to')
  })
  it.each(bad)('rejects a `from` with %s as invalid_phone_number', async (_, from) => {
    await expectRejected({ from, ...text('Halo') }, 'invalid_phone_number', 'from')
  })
  ok([
    ['a 15-digit to', { ...template('reengagement'), to: '+123456789012345' }],
    ['a 2-digit to', { ...template('reengagement'), to: '+12' }],
    ['an explicit valid from', { from: NUMBER, ...text('Halo') }],
  ])
})

describe('template', () => {
  const names: [string, string][] = [
    ['upper case', 'Order_Confirmation'],
    ['a dash', 'order-confirmation'],
    ['a space', 'order confirmation'],
    ['an accent', 'pesanan_é'],
    ['an empty name', ''],
    ['513 characters', chars(513)],
  ]
  it.each(names)('rejects a name with %s as invalid_template_name', async (_, name) => {
    await expectRejected(template(name), 'invalid_template_name', 'template.name')
  })
  ok([
    ['a name of 512 characters (it then fails template_not_found)', template(chars(512))],
    [
      'language en_US',
      template('otp_code', 'en_US', [
        { type: 'body', parameters: [{ type: 'text', text: '123456' }] },
      ]),
    ],
    [
      'language as { code, policy: "deterministic" }',
      template('reengagement', { code: 'id_ID', policy: 'deterministic' }),
    ],
    ['language as { code }', template('reengagement', { code: 'id_ID' })],
    ['language "en"', template('reengagement', 'en')],
    ['language "fil"', template('reengagement', 'fil')],
  ])
  invalid([
    ['a language ID_id', template('reengagement', 'ID_id'), /^template\.language/],
    ['a language id-ID', template('reengagement', 'id-ID'), /^template\.language/],
    ['a language "indonesian"', template('reengagement', 'indonesian'), /^template\.language/],
    ['an empty language', template('reengagement', ''), /^template\.language/],
    [
      'a language object with a bad code',
      template('reengagement', { code: 'xx-YY' }),
      /^template\.language/,
    ],
    ['a language number', template('reengagement', 5), 'template.language'],
    [
      'a language policy other than deterministic',
      template('reengagement', { code: 'id_ID', policy: 'fallback' }),
      /^template\.language/,
    ],
    ['components as a string', template('reengagement', 'id_ID', 'x'), 'template.components'],
  ])
})

describe('missing fields', () => {
  const cases: Case[] = [
    ['to', { type: 'text', text: { body: 'Halo' } }, 'to'],
    ['type', { to: OPEN, text: { body: 'Halo' } }, 'type'],
    ['the text object', { to: OPEN, type: 'text' }, 'text'],
    ['text.body', { to: OPEN, type: 'text', text: {} }, 'text.body'],
    ['the image object', { to: OPEN, type: 'image' }, 'image'],
    ['image.url', media('image', { caption: 'x' }), 'image.url'],
    ['audio.url', media('audio', {}), 'audio.url'],
    [
      'template.name',
      { to: OPEN, type: 'template', template: { language: 'id_ID' } },
      'template.name',
    ],
    [
      'template.language',
      { to: OPEN, type: 'template', template: { name: 'reengagement' } },
      'template.language',
    ],
    [
      'interactive.type',
      { to: OPEN, type: 'interactive', interactive: { body: { text: 'x' } } },
      'interactive.type',
    ],
    ['the list body', list({ body: undefined }), 'interactive.body'],
    ['the list body text', list({ body: {} }), 'interactive.body.text'],
    ['the list button', list({ button: undefined }), 'interactive.action.button'],
    [
      'a row id',
      list({ sections: [{ title: 'S', rows: [{ title: 'No id' }] }] }),
      'interactive.action.sections[0].rows[0].id',
    ],
    [
      'a row title',
      list({ sections: [{ title: 'S', rows: [{ id: 'no_title' }] }] }),
      'interactive.action.sections[0].rows[0].title',
    ],
    [
      'the section rows',
      list({ sections: [{ title: 'S' }] }),
      'interactive.action.sections[0].rows',
    ],
    ['the cta url', cta({ url: undefined }), 'interactive.action.parameters.url'],
    [
      'the cta display_text',
      cta({ display_text: undefined }),
      'interactive.action.parameters.display_text',
    ],
    [
      'a reply title',
      buttons([{ type: 'reply', reply: { id: 'a' } }]),
      'interactive.action.buttons[0].reply.title',
    ],
    [
      'a reply id',
      buttons([{ type: 'reply', reply: { title: 'A' } }]),
      'interactive.action.buttons[0].reply.id',
    ],
  ]
  it.each(cases)(
    'answers missing_required_field for %s, naming it in param',
    async (_, payload, param) => {
      await expectRejected(payload, 'missing_required_field', param)
    },
  )

  it('answers missing_required_field for the list sections', async () => {
    const payload = list()
    const action = payload.interactive.action as { sections?: unknown }
    delete action.sections
    await expectRejected(payload, 'missing_required_field', 'interactive.action.sections')
  })
})

describe('wrong JSON types', () => {
  invalid([
    ['to as a number', { ...text('Halo'), to: 628111111111 }, 'to'],
    ['from as a number', { from: 628511760008029, ...text('Halo') }, 'from'],
    ['type as a number', { to: OPEN, type: 5, text: { body: 'Halo' } }, 'type'],
    ['text as a string', { to: OPEN, type: 'text', text: 'Halo' }, 'text'],
    ['text.body as a number', text(123), 'text.body'],
    ['text.body as an array', text(['Halo']), 'text.body'],
    ['text.preview_url as a string', text('Halo', { preview_url: 'yes' }), 'text.preview_url'],
    ['image.url as a number', media('image', { url: 42 }), 'image.url'],
    [
      'image.caption as an object',
      media('image', { url: 'https://cdn.example.com/a.jpg', caption: {} }),
      'image.caption',
    ],
    ['template as an array', { to: OPEN, type: 'template', template: [] }, 'template'],
    [
      'the sections as an object',
      list({ sections: {} as unknown as Section[] }),
      'interactive.action.sections',
    ],
    [
      'a row title as a number',
      list({ sections: [{ title: 'S', rows: rowsWith({ title: 5 }) }] }),
      'interactive.action.sections[0].rows[3].title',
    ],
    ['the buttons as a string', buttons('x' as unknown as unknown[]), 'interactive.action.buttons'],
    [
      'interactive as a string',
      { to: OPEN, type: 'interactive', interactive: 'list' },
      'interactive',
    ],
  ])
})

describe('unknown types', () => {
  invalid([
    ['an unknown message type', { to: OPEN, type: 'carrier_pigeon', carrier_pigeon: {} }, 'type'],
    [
      'an unknown interactive type',
      { to: OPEN, type: 'interactive', interactive: { type: 'carousel', body: { text: 'x' } } },
      'interactive.type',
    ],
  ])
})

describe('Idempotency-Key', () => {
  it('accepts a key of 255 printable ASCII characters', async () => {
    const r = await h.send<MessageEnvelope>(text('Halo'), {
      headers: { 'idempotency-key': chars(255, 'k') },
    })
    expectAccepted(r)
  })

  it('rejects a key of 256 characters with a 400 envelope', async () => {
    const before = (await h.stored()).length
    const r = await h.send(text('Halo'), { headers: { 'idempotency-key': chars(256, 'k') } })
    expectApiError(r, { status: 400, type: 'invalid_request_error' })
    expect(await h.stored()).toHaveLength(before)
  })

  it('rejects a key with non-ASCII characters with a 400 envelope', async () => {
    const r = await h.send(text('Halo'), { headers: { 'idempotency-key': 'clé-é' } })
    expectApiError(r, { status: 400, type: 'invalid_request_error' })
  })
})
