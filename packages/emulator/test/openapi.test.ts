// The OpenAPI document is the whole contract: every documented operation is made to answer
// every status it lists, for real over HTTP, and each answer (status, headers, body) is checked
// against the document the emulator serves, by Ajv on the document's own schemas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type ApiResponse,
  BLOCKED,
  expectAccepted,
  type Harness,
  type MessageEnvelope,
  NOT_ON_WHATSAPP,
  OPEN,
  OTHER_ORG_NUMBER,
  startEmulator,
  templateTo,
  textTo,
} from './helpers.ts'
import { type Checker, createChecker, type OpenApiDocument } from './support/openapi-checker.ts'

let h: Harness
/** Rate limits of one request a minute, so a second request meets an empty bucket. */
let limited: Harness
let checker: Checker

beforeAll(async () => {
  h = await startEmulator({ rateLimits: false, idempotencyWaitMs: 100 })
  limited = await startEmulator({ rateLimits: { writesPerMinute: 1, readsPerMinute: 1 } })
  const served = await h.get<OpenApiDocument>('/v1/openapi.json', { key: null })
  expect(served.status).toBe(200)
  checker = createChecker(served.body)
})
afterAll(async () => {
  await h?.close()
  await limited?.close()
})

const JSON_TYPE = { 'content-type': 'application/json' }
// An event the emulator never emits, so no delivery ever leaves for this URL.
const SUBSCRIPTION = { url: 'https://example.com/hooks', events: ['contact.updated'] }
const MiB = 1024 * 1024
let keys = 0
const newKey = () => `openapi-test-${++keys}-${Date.now()}`

type Call = (harness: Harness, headers?: Record<string, string>) => Promise<ApiResponse<unknown>>

/** One valid call of each operation (a fresh message or subscription where it needs one). */
const CALLS: Record<string, Call> = {
  sendMessage: (x, headers) => x.send(textTo(OPEN), { headers }),
  getMessage: async (x, headers) => {
    const sent = await x.send<MessageEnvelope>(textTo(OPEN))
    return x.get(`/v1/messages/${sent.body?.data?.id ?? 'msg_none'}`, { headers })
  },
  listTemplates: (x, headers) => x.get('/v1/templates', { headers }),
  getMe: (x, headers) => x.get('/v1/me', { headers }),
  createWebhookSubscription: (x, headers) =>
    x.request('POST', '/v1/webhook_subscriptions', { body: SUBSCRIPTION, headers }),
  listWebhookSubscriptions: (x, headers) => x.get('/v1/webhook_subscriptions', { headers }),
  deleteWebhookSubscription: async (x, headers) => {
    const created = await x.request<{ data?: { id: string } }>(
      'POST',
      '/v1/webhook_subscriptions',
      { body: SUBSCRIPTION },
    )
    return x.request('DELETE', `/v1/webhook_subscriptions/${created.body?.data?.id ?? 'wbs_x'}`, {
      headers,
    })
  },
  health: (x, headers) => x.get('/v1/health', { key: null, headers }),
  getOpenApiDocument: (x, headers) => x.get('/v1/openapi.json', { key: null, headers }),
}

/** The first request empties the bucket of its kind; the second meets it empty. */
const rateLimited =
  (operation: string): (() => Promise<ApiResponse<unknown>>) =>
  async () => {
    await limited.emulator.reset()
    const write = [
      'sendMessage',
      'createWebhookSubscription',
      'deleteWebhookSubscription',
    ].includes(operation)
    await (write ? limited.send(textTo(OPEN)) : limited.get('/v1/me'))
    if (operation === 'health' || operation === 'getOpenApiDocument') {
      // Public routes never spend a token but answer 429 while the caller's bucket is empty.
      const path = operation === 'health' ? '/v1/health' : '/v1/openapi.json'
      return limited.get(path)
    }
    if (operation === 'getMessage')
      return limited.get('/v1/messages/msg_01HXYZABCDEFGHJKMNPQRSTVWX')
    if (operation === 'deleteWebhookSubscription')
      return limited.request('DELETE', '/v1/webhook_subscriptions/wbs_01HXYZABCDEFGHJKMNPQRSTVWX')
    return CALLS[operation]!(limited)
  }

/** Two writes under one key, both held 1 s: whichever comes second waits 100 ms, then 409. */
const inProgress =
  (post: (headers: Record<string, string>) => Promise<ApiResponse<unknown>>) => async () => {
    const headers = { 'idempotency-key': newKey(), 'x-emulator-latency': '1000' }
    const answers = await Promise.all([post(headers), post(headers)])
    const conflict = answers.find((r) => r.status === 409)
    expect(answers.map((r) => r.status).sort()).toEqual(
      [409, answers.find((r) => r.status !== 409)!.status].sort(),
    )
    return conflict!
  }

/** The same key with another body. */
const reused =
  (
    post: (body: unknown, key: string) => Promise<ApiResponse<unknown>>,
    bodies: [unknown, unknown],
  ) =>
  async () => {
    const key = newKey()
    await post(bodies[0], key)
    return post(bodies[1], key)
  }

const fault = (operation: string, kind: string) => () =>
  CALLS[operation]!(h, { 'x-emulator-fault': kind })
const badFaultHeader = (operation: string) => fault(operation, 'not_a_fault')
const noKey = (operation: string) => () =>
  operation === 'getMessage'
    ? h.get('/v1/messages/msg_01HXYZABCDEFGHJKMNPQRSTVWX', { key: null })
    : operation === 'deleteWebhookSubscription'
      ? h.request('DELETE', '/v1/webhook_subscriptions/wbs_01HXYZABCDEFGHJKMNPQRSTVWX', {
          key: null,
        })
      : operation === 'sendMessage'
        ? h.send(textTo(OPEN), { key: null })
        : operation === 'createWebhookSubscription'
          ? h.request('POST', '/v1/webhook_subscriptions', { body: SUBSCRIPTION, key: null })
          : h.get(
              operation === 'getMe'
                ? '/v1/me'
                : operation === 'listTemplates'
                  ? '/v1/templates'
                  : '/v1/webhook_subscriptions',
              { key: null },
            )

const postMessage = (body: unknown, key: string) =>
  h.send(body, { headers: { 'idempotency-key': key } })
const postSubscription = (body: unknown, key: string) =>
  h.request('POST', '/v1/webhook_subscriptions', { body, headers: { 'idempotency-key': key } })

/** How to make each operation answer each status. */
const PROVOKE: Record<string, Record<string, () => Promise<ApiResponse<unknown>>>> = {
  sendMessage: {
    '202': () => CALLS.sendMessage!(h),
    '400': () => h.send({ ...textTo(OPEN), to: '0811' }),
    '401': noKey('sendMessage'),
    '403': () => h.send({ ...textTo(OPEN), from: OTHER_ORG_NUMBER }),
    '409': inProgress((headers) => h.send(textTo(OPEN), { headers })),
    '413': () =>
      h.request('POST', '/v1/messages', {
        raw: `${JSON.stringify(textTo(OPEN))}${' '.repeat(MiB)}`,
        headers: JSON_TYPE,
      }),
    '415': () =>
      h.request('POST', '/v1/messages', {
        raw: JSON.stringify(textTo(OPEN)),
        headers: { 'content-type': 'text/plain' },
      }),
    '422': reused(postMessage, [textTo(OPEN, 'one'), textTo(OPEN, 'two')]),
    '429': rateLimited('sendMessage'),
    '500': fault('sendMessage', '500'),
    '503': fault('sendMessage', '503'),
  },
  getMessage: {
    '200': () => CALLS.getMessage!(h),
    '400': badFaultHeader('getMessage'),
    '401': noKey('getMessage'),
    '404': () => h.get('/v1/messages/msg_01HXYZABCDEFGHJKMNPQRSTVWX'),
    '429': rateLimited('getMessage'),
    '500': fault('getMessage', '500'),
    '503': fault('getMessage', '503'),
  },
  listTemplates: {
    '200': () => CALLS.listTemplates!(h),
    '400': () => h.get('/v1/templates?limit=0'),
    '401': noKey('listTemplates'),
    '429': rateLimited('listTemplates'),
    '500': fault('listTemplates', '500'),
    '503': fault('listTemplates', '503'),
  },
  getMe: {
    '200': () => CALLS.getMe!(h),
    '400': badFaultHeader('getMe'),
    '401': noKey('getMe'),
    '429': rateLimited('getMe'),
    '500': fault('getMe', '500'),
    '503': fault('getMe', '503'),
  },
  createWebhookSubscription: {
    '201': () => CALLS.createWebhookSubscription!(h),
    '400': () =>
      h.request('POST', '/v1/webhook_subscriptions', {
        body: { ...SUBSCRIPTION, url: 'http://x.example' },
      }),
    '401': noKey('createWebhookSubscription'),
    '409': inProgress((headers) =>
      h.request('POST', '/v1/webhook_subscriptions', { body: SUBSCRIPTION, headers }),
    ),
    '413': () =>
      h.request('POST', '/v1/webhook_subscriptions', {
        raw: `${JSON.stringify(SUBSCRIPTION)}${' '.repeat(MiB)}`,
        headers: JSON_TYPE,
      }),
    '415': () =>
      h.request('POST', '/v1/webhook_subscriptions', {
        raw: JSON.stringify(SUBSCRIPTION),
        headers: {},
      }),
    '422': reused(postSubscription, [SUBSCRIPTION, { ...SUBSCRIPTION, description: 'other' }]),
    '429': rateLimited('createWebhookSubscription'),
    '500': fault('createWebhookSubscription', '500'),
    '503': fault('createWebhookSubscription', '503'),
  },
  listWebhookSubscriptions: {
    '200': () => CALLS.listWebhookSubscriptions!(h),
    '400': badFaultHeader('listWebhookSubscriptions'),
    '401': noKey('listWebhookSubscriptions'),
    '429': rateLimited('listWebhookSubscriptions'),
    '500': fault('listWebhookSubscriptions', '500'),
    '503': fault('listWebhookSubscriptions', '503'),
  },
  deleteWebhookSubscription: {
    '200': () => CALLS.deleteWebhookSubscription!(h),
    '400': badFaultHeader('deleteWebhookSubscription'),
    '401': noKey('deleteWebhookSubscription'),
    '404': () => h.request('DELETE', '/v1/webhook_subscriptions/wbs_01HXYZABCDEFGHJKMNPQRSTVWX'),
    '429': rateLimited('deleteWebhookSubscription'),
    '500': fault('deleteWebhookSubscription', '500'),
    '503': fault('deleteWebhookSubscription', '503'),
  },
  health: {
    '200': () => CALLS.health!(h),
    '400': badFaultHeader('health'),
    '429': rateLimited('health'),
    '500': fault('health', '500'),
    '503': fault('health', '503'),
  },
  getOpenApiDocument: {
    '200': () => CALLS.getOpenApiDocument!(h),
    '400': badFaultHeader('getOpenApiDocument'),
    '429': rateLimited('getOpenApiDocument'),
    '500': fault('getOpenApiDocument', '500'),
    '503': fault('getOpenApiDocument', '503'),
  },
}

describe('the document lists what the emulator serves', () => {
  it('documents exactly the operations provoked here, and every status of each', () => {
    expect(checker.operations.map((o) => o.operationId).sort()).toEqual(Object.keys(PROVOKE).sort())
    for (const operation of checker.operations) {
      expect(
        Object.keys(PROVOKE[operation.operationId]!).sort(),
        `${operation.method} ${operation.path}`,
      ).toEqual([...operation.statuses].sort())
    }
  })

  it('serves every documented operation, and nothing documented is missing a route', async () => {
    for (const operation of checker.operations) {
      const r = await CALLS[operation.operationId]!(h)
      expect(r.status, `${operation.method} ${operation.path}`).toBeLessThan(300)
      checker.check(operation.operationId, r)
    }
  })
})

describe('every operation × every documented status, validated against the document', () => {
  const cases = Object.entries(PROVOKE).flatMap(([operation, statuses]) =>
    Object.keys(statuses).map((status): [string, string] => [operation, status]),
  )
  it.each(cases)('%s answers %s as documented', async (operation, status) => {
    const r = await PROVOKE[operation]![status]!()
    expect(String(r.status), r.text.slice(0, 300)).toBe(status)
    checker.check(operation, r)
  })

  it('reports failing any status the document does not list', () => {
    const fake = {
      status: 418,
      headers: new Headers({ 'content-type': 'application/json' }),
      text: '{}',
      body: {},
      elapsedMs: 0,
    }
    expect(() => checker.check('getMe', fake)).toThrow(/does not list/)
  })
})

describe('more real answers, validated', () => {
  const TYPES: [string, unknown][] = [
    ['text', textTo(OPEN)],
    [
      'template',
      templateTo(OPEN, 'order_confirmation', 'id_ID', [
        {
          type: 'body',
          parameters: [
            { type: 'text', text: 'John' },
            { type: 'text', text: 'ORD-1' },
          ],
        },
      ]),
    ],
    [
      'image',
      { to: OPEN, type: 'image', image: { url: 'https://cdn.example.com/a.jpg', caption: 'x' } },
    ],
    [
      'document',
      {
        to: OPEN,
        type: 'document',
        document: { url: 'https://cdn.example.com/a.pdf', filename: 'a.pdf' },
      },
    ],
    ['video', { to: OPEN, type: 'video', video: { url: 'https://cdn.example.com/a.mp4' } }],
    ['audio', { to: OPEN, type: 'audio', audio: { url: 'https://cdn.example.com/a.mp3' } }],
    [
      'interactive',
      {
        to: OPEN,
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: 'Ya?' },
          action: { buttons: [{ type: 'reply', reply: { id: 'y', title: 'Ya' } }] },
        },
      },
    ],
  ]

  it.each(TYPES)('a %s send, its replay, and the message once read', async (_, body) => {
    const key = newKey()
    const first = await h.send<MessageEnvelope>(body, { headers: { 'idempotency-key': key } })
    checker.check('sendMessage', first)
    expect(first.headers.get('idempotent-replayed')).toBe('false')
    const replay = await h.send(body, { headers: { 'idempotency-key': key } })
    checker.check('sendMessage', replay)
    expect(replay.headers.get('idempotent-replayed')).toBe('true')
    await h.advance('5s')
    const later = await h.get<MessageEnvelope>(`/v1/messages/${expectAccepted(first).id}`)
    checker.check('getMessage', later)
    expect(later.body.data.status).toBe('read')
  })

  it('failed messages, at once and later, with their delivery-failure codes', async () => {
    const blocked = await h.send<MessageEnvelope>(textTo(BLOCKED))
    checker.check('sendMessage', blocked)
    expect(blocked.body.data.error?.code).toBe('recipient_blocked')
    const lost = await h.send<MessageEnvelope>(templateTo(NOT_ON_WHATSAPP))
    await h.advance('5s')
    const failed = await h.get<MessageEnvelope>(`/v1/messages/${lost.body.data.id}`)
    checker.check('getMessage', failed)
    expect(failed.body.data.error?.code).toBe('recipient_not_on_whatsapp')
  })

  it('every page of templates, with filters', async () => {
    let cursor: string | null = null
    let pages = 0
    do {
      const r: ApiResponse<{ next_cursor: string | null }> = await h.get(
        `/v1/templates?limit=7${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`,
      )
      checker.check('listTemplates', r)
      cursor = r.body.next_cursor
      pages++
    } while (cursor !== null)
    expect(pages).toBeGreaterThan(1)
    checker.check('listTemplates', await h.get('/v1/templates?status=paused&language=id_ID'))
  })

  it('the 400 codes of the send, each with its param', async () => {
    for (const body of [
      { ...textTo(OPEN), extra: 1 },
      { type: 'text', text: { body: 'x' } },
      templateTo(OPEN, 'Bad-Name'),
      '[]',
    ]) {
      const r =
        typeof body === 'string'
          ? await h.request('POST', '/v1/messages', { raw: body, headers: JSON_TYPE })
          : await h.send(body)
      expect(r.status).toBe(400)
      checker.check('sendMessage', r)
    }
    checker.check(
      'sendMessage',
      await h.request('POST', '/v1/messages', { raw: '{', headers: JSON_TYPE }),
    )
  })
})

describe('the request schemas agree with the emulator', () => {
  const validate = () => checker.validator('/components/schemas/SendMessageBody')
  const bodies: [string, unknown, boolean][] = [
    ['a text', textTo(OPEN), true],
    ['a text with an unknown field', { ...textTo(OPEN), foo: 1 }, false],
    ['a 4097-character text', textTo(OPEN, 'a'.repeat(4097)), false],
    ['a 4096-emoji text', textTo(OPEN, '😀'.repeat(4096)), true],
    [
      'an audio caption',
      { to: OPEN, type: 'audio', audio: { url: 'https://x.example/a', caption: 'x' } },
      false,
    ],
    ['an http image', { to: OPEN, type: 'image', image: { url: 'http://x.example/a' } }, false],
    [
      'a template body without parameters',
      templateTo(OPEN, 'reengagement', 'id_ID', [{ type: 'body' }]),
      true,
    ],
    [
      'two template bodies',
      templateTo(OPEN, 'reengagement', 'id_ID', [{ type: 'body' }, { type: 'body' }]),
      false,
    ],
    [
      'a lowercase currency code',
      templateTo(OPEN, 'reengagement', 'id_ID', [
        {
          type: 'body',
          parameters: [
            { type: 'currency', currency: { fallback_value: 'x', code: 'idr', amount_1000: 1 } },
          ],
        },
      ]),
      false,
    ],
    [
      'header media with link and id',
      templateTo(OPEN, 'reengagement', 'id_ID', [
        {
          type: 'header',
          parameters: [{ type: 'image', image: { link: 'https://x.example/a', id: '1' } }],
        },
      ]),
      false,
    ],
    [
      'a button with two parameters',
      templateTo(OPEN, 'reengagement', 'id_ID', [
        {
          type: 'button',
          sub_type: 'quick_reply',
          index: '0',
          parameters: [
            { type: 'payload', payload: 'a' },
            { type: 'payload', payload: 'b' },
          ],
        },
      ]),
      false,
    ],
    [
      'an unknown key inside a component',
      templateTo(OPEN, 'reengagement', 'id_ID', [{ type: 'body', anything: 1 }]),
      true,
    ],
    [
      'two list sections, one without a title',
      {
        to: OPEN,
        type: 'interactive',
        interactive: {
          type: 'list',
          body: { text: 'x' },
          action: {
            button: 'b',
            sections: [
              { title: 'A', rows: [{ id: 'a', title: 'a' }] },
              { rows: [{ id: 'b', title: 'b' }] },
            ],
          },
        },
      },
      false,
    ],
    [
      'a list section without rows',
      {
        to: OPEN,
        type: 'interactive',
        interactive: {
          type: 'list',
          body: { text: 'x' },
          action: { button: 'b', sections: [{ rows: [] }] },
        },
      },
      false,
    ],
  ]

  it.each(bodies)('%s: the schema and the emulator both say %s', async (_, body, valid) => {
    expect(validate()(body), JSON.stringify(validate().errors)).toBe(valid)
    const r = await h.send(body)
    expect(r.status < 300, r.text.slice(0, 300)).toBe(valid)
  })
})
