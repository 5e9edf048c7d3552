import { describe, expect, it } from 'vitest'
import { ApiError } from '../errors/api-error.ts'
import { validateSendBody } from './send-body.ts'

const TO = '+628111111111'
const EMOJI = '😀'

function rejects(body: unknown, code: string, param: string | undefined) {
  let caught: unknown
  try {
    validateSendBody(body)
  } catch (error) {
    caught = error
  }
  expect(caught, JSON.stringify(body).slice(0, 200)).toBeInstanceOf(ApiError)
  const error = caught as ApiError
  expect({ code: error.code, param: error.param }).toEqual({ code, param })
  expect(error.status).toBe(400)
  expect(error.type).toBe('invalid_request_error')
  if (param !== undefined) expect(error.message).toContain(param)
}

const accepts = (body: unknown) => validateSendBody(body)

const text = (body: unknown, extra: object = {}) => ({
  to: TO,
  type: 'text',
  text: { body, ...extra },
})
const list = (action: unknown, extra: object = {}) => ({
  to: TO,
  type: 'interactive',
  interactive: { type: 'list', body: { text: 'Pilih' }, action, ...extra },
})
const rows = (n: number, prefix = 'r') =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, title: `Row ${i}` }))
const buttons = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ type: 'reply', reply: { id: `b${i}`, title: `B${i}` } }))
const buttonMessage = (list: unknown, extra: object = {}) => ({
  to: TO,
  type: 'interactive',
  interactive: { type: 'button', body: { text: 'Ya?' }, action: { buttons: list }, ...extra },
})
const cta = (parameters: unknown, extra: object = {}) => ({
  to: TO,
  type: 'interactive',
  interactive: {
    type: 'cta_url',
    body: { text: 'Klik' },
    action: { name: 'cta_url', parameters },
    ...extra,
  },
})
const template = (template: unknown) => ({ to: TO, type: 'template', template })

describe('the body and its envelope fields', () => {
  it.each([[[]], [null], ['text'], [42], [true]])('rejects %j as a body', (body) => {
    rejects(body, 'invalid_field_value', undefined)
  })

  it('requires to and type', () => {
    rejects({ type: 'text', text: { body: 'x' } }, 'missing_required_field', 'to')
    rejects({ to: TO, text: { body: 'x' } }, 'missing_required_field', 'type')
  })

  it.each([
    ['+12', true],
    ['+123456789012345', true],
    ['+1234567890123456', false],
    ['+1', false],
    ['628111111111', false],
    ['+0628111111111', false],
    ['+62 811 1111 111', false],
    ['', false],
  ])('E.164: "%s" accepted = %s', (number, ok) => {
    if (ok) expect(accepts(text('x', {}) && { ...text('x'), to: number }).to).toBe(number)
    else rejects({ ...text('x'), to: number }, 'invalid_phone_number', 'to')
  })

  it('checks from like to, and names it', () => {
    rejects({ ...text('x'), from: '0811' }, 'invalid_phone_number', 'from')
    rejects({ ...text('x'), from: 628 }, 'invalid_field_value', 'from')
    expect(accepts({ ...text('x'), from: '+628511760008029' }).from).toBe('+628511760008029')
  })

  it('answers a wrong JSON type with invalid_field_value naming the field', () => {
    rejects({ ...text('x'), to: 628111111111 }, 'invalid_field_value', 'to')
    rejects({ to: TO, type: 'text', text: 'Halo' }, 'invalid_field_value', 'text')
    rejects({ to: TO, type: 7, text: { body: 'x' } }, 'invalid_field_value', 'type')
  })

  it('rejects an unknown type', () => {
    rejects({ to: TO, type: 'sticker', sticker: {} }, 'invalid_field_value', 'type')
  })

  it('requires the payload object of the type', () => {
    for (const type of ['text', 'template', 'image', 'document', 'video', 'audio', 'interactive']) {
      rejects({ to: TO, type }, 'missing_required_field', type)
    }
  })

  it('refuses unknown fields at the top and in the payload, naming the first', () => {
    rejects({ ...text('x'), also: true }, 'invalid_field_value', 'also')
    rejects(text('x', { extra: 1 }), 'invalid_field_value', 'text.extra')
    rejects(
      { ...text('x'), image: { url: 'https://x.example/a.png' } },
      'invalid_field_value',
      'image',
    )
    rejects({ ...text('x'), 'odd key': 1 }, 'invalid_field_value', '["odd key"]')
  })
})

describe('text', () => {
  it('takes 1 to 4096 code points', () => {
    accepts(text('a'))
    accepts(text(' '))
    accepts(text('a'.repeat(4096)))
    accepts(text(EMOJI.repeat(4096)))
    accepts(text(`${'a'.repeat(4095)}${EMOJI}`))
    rejects(text(''), 'invalid_field_value', 'text.body')
    rejects(text('a'.repeat(4097)), 'invalid_field_value', 'text.body')
    rejects(text(EMOJI.repeat(4097)), 'invalid_field_value', 'text.body')
    rejects(text(['x']), 'invalid_field_value', 'text.body')
    rejects({ to: TO, type: 'text', text: {} }, 'missing_required_field', 'text.body')
  })

  it('takes a boolean preview_url only', () => {
    accepts(text('x', { preview_url: true }))
    rejects(text('x', { preview_url: 'yes' }), 'invalid_field_value', 'text.preview_url')
  })
})

describe('media', () => {
  const media = (type: string, payload: unknown) => ({ to: TO, type, [type]: payload })
  const URL = 'https://cdn.example.com/a.jpg'

  it.each(['image', 'document', 'video', 'audio'])('%s needs an https url', (type) => {
    expect(accepts(media(type, { url: URL })).mediaUrls).toEqual([URL])
    rejects(media(type, {}), 'missing_required_field', `${type}.url`)
    rejects(
      media(type, { url: 'http://cdn.example.com/a.jpg' }),
      'invalid_field_value',
      `${type}.url`,
    )
    rejects(media(type, { url: 'cdn.example.com/a.jpg' }), 'invalid_field_value', `${type}.url`)
    rejects(media(type, { url: 'ftp://cdn.example.com/a' }), 'invalid_field_value', `${type}.url`)
    rejects(media(type, { url: 42 }), 'invalid_field_value', `${type}.url`)
  })

  it.each(['image', 'document', 'video'])('%s takes a caption up to 1024 code points', (type) => {
    accepts(media(type, { url: URL, caption: 'a'.repeat(1024) }))
    accepts(media(type, { url: URL, caption: EMOJI.repeat(1024) }))
    rejects(
      media(type, { url: URL, caption: 'a'.repeat(1025) }),
      'invalid_field_value',
      `${type}.caption`,
    )
  })

  it('refuses any caption on audio', () => {
    rejects(media('audio', { url: URL, caption: 'x' }), 'invalid_field_value', 'audio.caption')
    rejects(media('audio', { url: URL, caption: '' }), 'invalid_field_value', 'audio.caption')
  })

  it('takes a document filename up to 240 code points', () => {
    accepts(media('document', { url: URL, filename: 'a'.repeat(240) }))
    rejects(
      media('document', { url: URL, filename: 'a'.repeat(241) }),
      'invalid_field_value',
      'document.filename',
    )
  })
})

describe('template', () => {
  it('takes Meta template names of 1–512 [a-z0-9_]', () => {
    accepts(template({ name: 'order_confirmation', language: 'id_ID' }))
    accepts(template({ name: 'a'.repeat(512), language: 'en' }))
    for (const name of ['', 'Order', 'order-confirmation', 'order confirmation', 'a'.repeat(513)]) {
      rejects(template({ name, language: 'id_ID' }), 'invalid_template_name', 'template.name')
    }
    rejects(template({ language: 'id_ID' }), 'missing_required_field', 'template.name')
  })

  it('takes a language code string or { code, policy: "deterministic" }', () => {
    for (const language of ['id_ID', 'en_US', 'en', 'pt_BR', 'fil'])
      accepts(template({ name: 'x', language }))
    expect(
      accepts(template({ name: 'x', language: { code: 'id_ID', policy: 'deterministic' } }))
        .template?.language,
    ).toBe('id_ID')
    for (const language of ['ID', 'indonesian', 'id-ID', 'id_id', '']) {
      rejects(template({ name: 'x', language }), 'invalid_field_value', 'template.language')
    }
    rejects(
      template({ name: 'x', language: { code: 'BAD' } }),
      'invalid_field_value',
      'template.language.code',
    )
    rejects(
      template({ name: 'x', language: { code: 'id_ID', policy: 'fallback' } }),
      'invalid_field_value',
      'template.language.policy',
    )
    rejects(template({ name: 'x' }), 'missing_required_field', 'template.language')
  })

  it('counts body parameters', () => {
    const components = [
      {
        type: 'body',
        parameters: [
          { type: 'text', text: 'John' },
          { type: 'text', text: 'ORD-1' },
        ],
      },
    ]
    expect(
      accepts(template({ name: 'x', language: 'id_ID', components })).template?.bodyParameters,
    ).toBe(2)
    expect(accepts(template({ name: 'x', language: 'id_ID' })).template?.bodyParameters).toBe(0)
  })

  it('checks components in Meta shape, naming the path', () => {
    const send = (components: unknown) => template({ name: 'x', language: 'en', components })
    rejects(send({}), 'invalid_field_value', 'template.components')
    rejects(send([{ type: 'footer' }]), 'invalid_field_value', 'template.components[0].type')
    rejects(
      send([{ type: 'body', parameters: [{ type: 'text' }] }]),
      'missing_required_field',
      'template.components[0].parameters[0].text',
    )
    rejects(
      send([{ type: 'body', parameters: [{ type: 'text', text: '' }] }]),
      'invalid_field_value',
      'template.components[0].parameters[0].text',
    )
    rejects(
      send([{ type: 'body', parameters: [{ type: 'emoji' }] }]),
      'invalid_field_value',
      'template.components[0].parameters[0].type',
    )
    rejects(
      send([{ type: 'header', parameters: [] }]),
      'invalid_field_value',
      'template.components[0].parameters',
    )
    rejects(
      send([
        {
          type: 'header',
          parameters: [{ type: 'image', image: { link: 'http://x.example/a.png' } }],
        },
      ]),
      'invalid_field_value',
      'template.components[0].parameters[0].image.link',
    )
    rejects(
      send([{ type: 'body' }, { type: 'body' }]),
      'invalid_field_value',
      'template.components[1].type',
    )
    rejects(
      send([
        { type: 'button', sub_type: 'url', index: 0, parameters: [{ type: 'text', text: 'x' }] },
      ]),
      'invalid_field_value',
      'template.components[0].index',
    )
    rejects(
      send([
        { type: 'button', sub_type: 'call', index: '0', parameters: [{ type: 'text', text: 'x' }] },
      ]),
      'invalid_field_value',
      'template.components[0].sub_type',
    )
    accepts(
      send([
        {
          type: 'header',
          parameters: [{ type: 'image', image: { link: 'https://x.example/a.png' } }],
        },
        {
          type: 'body',
          parameters: [
            { type: 'text', text: 'x' },
            {
              type: 'currency',
              currency: { fallback_value: '$1', code: 'USD', amount_1000: 1000 },
            },
            { type: 'date_time', date_time: { fallback_value: 'May 1' } },
          ],
        },
        {
          type: 'button',
          sub_type: 'quick_reply',
          index: '0',
          parameters: [{ type: 'payload', payload: 'yes' }],
        },
        {
          type: 'button',
          sub_type: 'copy_code',
          index: '1',
          parameters: [{ type: 'coupon_code', coupon_code: 'SAVE' }],
        },
      ]),
    )
  })
})

describe('interactive list', () => {
  const action = (sections: unknown, button = 'Lihat') => ({ button, sections })

  it('takes 1–10 sections and 1–10 rows in total', () => {
    accepts(list(action([{ rows: rows(10) }])))
    accepts(
      list(
        action(Array.from({ length: 10 }, (_, i) => ({ title: `S${i}`, rows: rows(1, `s${i}r`) }))),
      ),
    )
    rejects(list(action([])), 'invalid_field_value', 'interactive.action.sections')
    rejects(
      list(
        action(Array.from({ length: 11 }, (_, i) => ({ title: `S${i}`, rows: rows(1, `s${i}r`) }))),
      ),
      'invalid_field_value',
      'interactive.action.sections',
    )
    rejects(
      list(action([{ rows: rows(11) }])),
      'invalid_field_value',
      'interactive.action.sections',
    )
    rejects(
      list(
        action([
          { title: 'A', rows: rows(6, 'a') },
          { title: 'B', rows: rows(5, 'b') },
        ]),
      ),
      'invalid_field_value',
      'interactive.action.sections',
    )
    rejects(
      list(action([{ rows: [] }])),
      'invalid_field_value',
      'interactive.action.sections[0].rows',
    )
  })

  it('needs unique row ids across sections', () => {
    rejects(
      list(
        action([
          { title: 'A', rows: [{ id: 'x', title: 'X' }] },
          { title: 'B', rows: [{ id: 'x', title: 'Y' }] },
        ]),
      ),
      'invalid_field_value',
      'interactive.action.sections[1].rows[0].id',
    )
  })

  it('needs a section title (≤ 24) once there are two sections', () => {
    accepts(list(action([{ rows: rows(1) }])))
    rejects(
      list(action([{ rows: rows(1, 'a') }, { title: 'B', rows: rows(1, 'b') }])),
      'missing_required_field',
      'interactive.action.sections[0].title',
    )
    accepts(list(action([{ title: 'a'.repeat(24), rows: rows(1) }])))
    rejects(
      list(action([{ title: 'a'.repeat(25), rows: rows(1) }])),
      'invalid_field_value',
      'interactive.action.sections[0].title',
    )
  })

  it('checks row id 1–200, title 1–24, description ≤ 72', () => {
    const one = (row: object) => list(action([{ rows: [row] }]))
    accepts(one({ id: 'a'.repeat(200), title: 'a'.repeat(24), description: 'a'.repeat(72) }))
    rejects(
      one({ id: 'a'.repeat(201), title: 'x' }),
      'invalid_field_value',
      'interactive.action.sections[0].rows[0].id',
    )
    rejects(
      one({ id: '', title: 'x' }),
      'invalid_field_value',
      'interactive.action.sections[0].rows[0].id',
    )
    rejects(
      one({ id: 'x', title: 'a'.repeat(25) }),
      'invalid_field_value',
      'interactive.action.sections[0].rows[0].title',
    )
    rejects(
      one({ id: 'x', title: '' }),
      'invalid_field_value',
      'interactive.action.sections[0].rows[0].title',
    )
    rejects(
      one({ id: 'x', title: 'x', description: 'a'.repeat(73) }),
      'invalid_field_value',
      'interactive.action.sections[0].rows[0].description',
    )
    rejects(
      one({ id: 'x', title: 'x' }) &&
        list(action([{ rows: [{ id: 'x', title: 'x' }, { title: 'y' }] }])),
      'missing_required_field',
      'interactive.action.sections[0].rows[1].id',
    )
  })

  it('checks button 1–20, body 1–1024, text header and footer 1–60', () => {
    const ok = action([{ rows: rows(1) }])
    accepts(list(action([{ rows: rows(1) }], 'a'.repeat(20))))
    rejects(
      list(action([{ rows: rows(1) }], 'a'.repeat(21))),
      'invalid_field_value',
      'interactive.action.button',
    )
    rejects(
      list(action([{ rows: rows(1) }], '')),
      'invalid_field_value',
      'interactive.action.button',
    )
    accepts(list(ok, { body: { text: 'a'.repeat(1024) } }))
    rejects(
      list(ok, { body: { text: 'a'.repeat(1025) } }),
      'invalid_field_value',
      'interactive.body.text',
    )
    rejects(list(ok, { body: { text: '' } }), 'invalid_field_value', 'interactive.body.text')
    accepts(
      list(ok, {
        header: { type: 'text', text: 'a'.repeat(60) },
        footer: { text: 'a'.repeat(60) },
      }),
    )
    rejects(
      list(ok, { header: { type: 'text', text: 'a'.repeat(61) } }),
      'invalid_field_value',
      'interactive.header.text',
    )
    rejects(
      list(ok, { footer: { text: 'a'.repeat(61) } }),
      'invalid_field_value',
      'interactive.footer.text',
    )
    rejects(
      list(ok, { header: { type: 'image', image: { url: 'https://x.example/a.png' } } }),
      'invalid_field_value',
      'interactive.header.type',
    )
  })

  it('answers a wrong type deep inside with the bracket path', () => {
    rejects(
      list(
        action([
          {
            rows: [
              { id: 'a', title: 'A' },
              { id: 'b', title: 'B' },
              { id: 'c', title: 'C' },
              { id: 'd', title: 7 },
            ],
          },
        ]),
      ),
      'invalid_field_value',
      'interactive.action.sections[0].rows[3].title',
    )
  })
})

describe('interactive button', () => {
  it('takes 1–3 reply buttons', () => {
    accepts(buttonMessage(buttons(1)))
    accepts(buttonMessage(buttons(3)))
    rejects(buttonMessage(buttons(0)), 'invalid_field_value', 'interactive.action.buttons')
    rejects(buttonMessage(buttons(4)), 'invalid_field_value', 'interactive.action.buttons')
    rejects(
      buttonMessage([{ type: 'url', reply: { id: 'a', title: 'A' } }]),
      'invalid_field_value',
      'interactive.action.buttons[0].type',
    )
  })

  it('checks id 1–256 (unique) and title 1–20', () => {
    const one = (reply: object) => buttonMessage([{ type: 'reply', reply }])
    accepts(one({ id: 'a'.repeat(256), title: 'a'.repeat(20) }))
    rejects(
      one({ id: 'a'.repeat(257), title: 'x' }),
      'invalid_field_value',
      'interactive.action.buttons[0].reply.id',
    )
    rejects(
      one({ id: 'x', title: 'a'.repeat(21) }),
      'invalid_field_value',
      'interactive.action.buttons[0].reply.title',
    )
    rejects(
      buttonMessage([
        { type: 'reply', reply: { id: 'x', title: 'A' } },
        { type: 'reply', reply: { id: 'x', title: 'B' } },
      ]),
      'invalid_field_value',
      'interactive.action.buttons[1].reply.id',
    )
  })

  it('takes a media header with an https url and reports it', () => {
    const header = { type: 'image', image: { url: 'https://unreachable.example/a.png' } }
    expect(accepts(buttonMessage(buttons(1), { header })).mediaUrls).toEqual([
      'https://unreachable.example/a.png',
    ])
    rejects(
      buttonMessage(buttons(1), {
        header: { type: 'video', video: { url: 'http://x.example/v.mp4' } },
      }),
      'invalid_field_value',
      'interactive.header.video.url',
    )
    rejects(
      buttonMessage(buttons(1), { header: { type: 'gif' } }),
      'invalid_field_value',
      'interactive.header.type',
    )
  })
})

describe('interactive cta_url', () => {
  it('checks display_text 1–20 and an https url', () => {
    accepts(cta({ display_text: 'a'.repeat(20), url: 'https://app.example.com/o/1' }))
    rejects(
      cta({ display_text: 'a'.repeat(21), url: 'https://app.example.com' }),
      'invalid_field_value',
      'interactive.action.parameters.display_text',
    )
    rejects(
      cta({ display_text: '', url: 'https://app.example.com' }),
      'invalid_field_value',
      'interactive.action.parameters.display_text',
    )
    rejects(
      cta({ display_text: 'Go', url: 'http://app.example.com' }),
      'invalid_field_value',
      'interactive.action.parameters.url',
    )
    rejects(
      cta({ display_text: 'Go' }),
      'missing_required_field',
      'interactive.action.parameters.url',
    )
  })

  it('needs action.name "cta_url" and a known interactive type', () => {
    const body = cta({ display_text: 'Go', url: 'https://app.example.com' }) as {
      interactive: { action: { name: string } }
    }
    body.interactive.action.name = 'open'
    rejects(body, 'invalid_field_value', 'interactive.action.name')
    rejects(
      { to: TO, type: 'interactive', interactive: { type: 'product', body: { text: 'x' } } },
      'invalid_field_value',
      'interactive.type',
    )
  })
})
