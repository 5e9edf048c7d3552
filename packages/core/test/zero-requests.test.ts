// Invalid input never reaches the network: for every class of rule, a counting fetch proves it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Kirim, type SendMessageBody, ValidationError } from '../src/index.ts'
import {
  countingFetch,
  emulatorApiKey,
  type RunningEmulator,
  startEmulator,
} from './support/emulator.ts'

let env: RunningEmulator
beforeAll(async () => {
  env = await startEmulator()
})
afterAll(() => env.close())

const to = '+628111111111'
const https = 'https://cdn.example.com/a.jpg'
const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `row_${i}`, title: `Row ${i}` }))
const list = (sections: unknown) => ({
  to,
  type: 'interactive',
  interactive: { type: 'list', body: { text: 'Pilih' }, action: { button: 'Lihat', sections } },
})
const buttons = (items: unknown[]) => ({
  to,
  type: 'interactive',
  interactive: { type: 'button', body: { text: 'Pilih' }, action: { buttons: items } },
})
const reply = (id: string, title = 'OK') => ({ type: 'reply', reply: { id, title } })

// Each case: a body that breaks one rule class, and the path the error must name.
const invalid: Array<[rule: string, body: unknown, path: string]> = [
  ['to is E.164', { to: '0811', type: 'text', text: { body: 'x' } }, 'to'],
  ['to is required', { type: 'text', text: { body: 'x' } }, 'to'],
  ['from is E.164', { from: '628511760008029', to, type: 'text', text: { body: 'x' } }, 'from'],
  ['type is known', { to, type: 'sticker', sticker: {} }, 'type'],
  ['the payload of the type is required', { to, type: 'image' }, 'image'],
  ['text.body has at least 1 character', { to, type: 'text', text: { body: '' } }, 'text.body'],
  [
    'text.body has at most 4096 characters',
    { to, type: 'text', text: { body: 'x'.repeat(4097) } },
    'text.body',
  ],
  [
    'a Kirim object has no unknown field',
    { to, type: 'text', text: { body: 'x', bold: true } },
    'text.bold',
  ],
  [
    'media URLs are https',
    { to, type: 'image', image: { url: 'http://cdn.example.com/a.jpg' } },
    'image.url',
  ],
  [
    'captions have at most 1024 characters',
    { to, type: 'video', video: { url: https, caption: 'c'.repeat(1025) } },
    'video.caption',
  ],
  [
    'audio has no caption',
    { to, type: 'audio', audio: { url: https, caption: 'x' } },
    'audio.caption',
  ],
  [
    'document filenames have at most 240 characters',
    { to, type: 'document', document: { url: https, filename: `${'f'.repeat(237)}.pdf` } },
    'document.filename',
  ],
  [
    'template names are lowercase',
    { to, type: 'template', template: { name: 'Order-Confirmation', language: 'id_ID' } },
    'template.name',
  ],
  [
    'template languages look like id_ID',
    { to, type: 'template', template: { name: 'reengagement', language: 'indonesian' } },
    'template.language',
  ],
  [
    'a list has at most 10 rows in total',
    list([
      { title: 'A', rows: rows(6) },
      { title: 'B', rows: rows(5).map((r) => ({ ...r, id: `b${r.id}` })) },
    ]),
    'interactive.action.sections',
  ],
  [
    'list row titles have at most 24 characters',
    list([{ rows: [{ id: 'a', title: 't'.repeat(25) }] }]),
    'interactive.action.sections[0].rows[0].title',
  ],
  [
    'list row ids are unique',
    list([
      { title: 'A', rows: [{ id: 'x', title: '1' }] },
      { title: 'B', rows: [{ id: 'x', title: '2' }] },
    ]),
    'interactive.action.sections[1].rows[0].id',
  ],
  [
    'a button message has at most 3 buttons',
    buttons([reply('a'), reply('b'), reply('c'), reply('d')]),
    'interactive.action.buttons',
  ],
  [
    'button titles have at most 20 characters',
    buttons([reply('a', 't'.repeat(21))]),
    'interactive.action.buttons[0].reply.title',
  ],
  [
    'cta_url display text has at most 20 characters',
    {
      to,
      type: 'interactive',
      interactive: {
        type: 'cta_url',
        body: { text: 'Klik' },
        action: { name: 'cta_url', parameters: { display_text: 'd'.repeat(21), url: https } },
      },
    },
    'interactive.action.parameters.display_text',
  ],
]

describe('invalid input makes zero requests', () => {
  it.each(invalid)('%s', async (_rule, body, path) => {
    const { fetch, count } = countingFetch()
    const kirim = new Kirim({ apiKey: emulatorApiKey, baseUrl: env.url, fetch })
    const error = await kirim.messages.send(body as SendMessageBody).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).issues.map((issue) => issue.path)).toContain(path)
    expect((error as ValidationError).message).toMatch(/^Invalid message; nothing was sent:/)
    expect(count()).toBe(0)
  })

  it('lists every broken rule of one call, body and options together', async () => {
    const { fetch, count } = countingFetch()
    const kirim = new Kirim({ apiKey: emulatorApiKey, baseUrl: env.url, fetch })
    const error = await kirim.messages
      .send({ to: '0811', type: 'text', text: { body: '' } }, { idempotencyKey: '', timeout: -5 })
      .catch((e: unknown) => e)
    expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual([
      'to',
      'text.body',
      'options.timeout',
      'options.idempotencyKey',
    ])
    expect(count()).toBe(0)
  })

  it('checks the options and arguments of every call', async () => {
    const { fetch, count } = countingFetch()
    const kirim = new Kirim({ apiKey: emulatorApiKey, baseUrl: env.url, fetch })
    const body = { to, type: 'text', text: { body: 'x' } } as const
    const calls: Array<() => Promise<unknown>> = [
      () => kirim.messages.send(body, { idempotencyKey: 'k'.repeat(256) }),
      () => kirim.messages.send(body, { idempotencyKey: 'kunci-é' }),
      () => kirim.messages.send(body, { maxRetries: 11 }),
      () => kirim.messages.get(''),
      () => kirim.messages.get('msg_1', { timeout: Number.NaN }),
      () => kirim.messages.waitFor('msg_1', { until: 'seen' as 'read' }),
      async () => kirim.templates.list({ limit: 0 }),
      async () => kirim.templates.list({ language: 'Indonesian' }),
      () => kirim.me({ maxRetries: -1 }),
    ]
    for (const call of calls) await expect(call()).rejects.toBeInstanceOf(ValidationError)
    expect(count()).toBe(0)
  })

  it('sends the edge cases that are valid: 4096 characters, 10 rows, 3 buttons, a 255-character key', async () => {
    const { fetch, count } = countingFetch()
    const kirim = new Kirim({ apiKey: emulatorApiKey, baseUrl: env.url, fetch })
    await kirim.messages.send(
      { to, type: 'text', text: { body: 'x'.repeat(4096) } },
      { idempotencyKey: 'k'.repeat(255) },
    )
    await kirim.messages.send(list([{ title: 'A', rows: rows(10) }]) as SendMessageBody)
    await kirim.messages.send(buttons([reply('a'), reply('b'), reply('c')]) as SendMessageBody)
    expect(count()).toBe(3)
  })
})
