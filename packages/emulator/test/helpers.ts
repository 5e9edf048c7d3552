/**
 * @module Shared harness for the black-box contract suite: a served emulator reached over
 * real HTTP, a local webhook receiver, an independent HMAC check and the shapes the
 * contract promises. Nothing here imports the emulator's internals.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createEmulator } from '@kirim/emulator'
import { serve } from '@kirim/emulator/node'
import { expect } from 'vitest'
import { type Checker, createChecker, type OpenApiDocument } from './support/openapi-checker.ts'

export type EmulatorOptions = NonNullable<Parameters<typeof createEmulator>[0]>
export type Emulator = ReturnType<typeof createEmulator>

export const API_KEY = 'kdv_live_emulatoremulatoremulator'
export const NUMBER = '+628511760008029'

/** The test recipients of emulator.md. */
export const OPEN = '+628111111111'
export const CLOSED = '+628122222222'
export const NOT_ON_WHATSAPP = '+628133333333'
export const BLOCKED = '+628144444444'
export const NEVER_READ = '+628155555555'
/** Any other E.164 number: a new customer, window closed. */
export const STRANGER = '+628177777777'

/** A second organisation, for scoping tests. Key: `kdv_live_` + 24 URL-safe characters. */
export const OTHER_ORG_KEY = 'kdv_live_otherorgotherorgotherorg'
export const OTHER_ORG_NUMBER = '+628599999999'
export const OTHER_ORG = {
  name: 'Other Org',
  apiKeys: [OTHER_ORG_KEY],
  numbers: [OTHER_ORG_NUMBER],
}

const CROCKFORD = '[0-9A-HJKMNP-TV-Z]{26}'
/** `<prefix>_<26 Crockford base32, upper case>`. */
export const idPattern = (prefix: string): RegExp => new RegExp(`^${prefix}_${CROCKFORD}$`)
export const MSG_ID = idPattern('msg')
export const REQ_ID = idPattern('req')
export const EVT_ID = idPattern('evt')
export const TMPL_ID = idPattern('tmpl')
export const ANY_ID = new RegExp(`^[a-z]+_${CROCKFORD}$`)
export const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/

export const SECOND = 1000
export const MINUTE = 60 * SECOND
export const HOUR = 60 * MINUTE

export type MessageStatus = 'pending' | 'sent' | 'delivered' | 'read' | 'failed'

export interface MessageError {
  code: string
  message: string
  provider_code: number
}

export interface Message {
  id: string
  object: string
  from?: string
  to: string
  type: string
  status: MessageStatus
  created_at: string
  updated_at: string
  provider_message_id: string | null
  error?: MessageError
}

export interface MessageEnvelope {
  data: Message
  request_id: string
}

export interface StoredMessage extends Message {
  idempotency_key: string | null
  text?: { body: string }
  template?: { name: string; language: unknown; components?: unknown[] }
  [payload: string]: unknown
}

export interface ApiErrorBody {
  error: { type: string; code: string; message: string; param?: string; request_id: string }
}

export interface Template {
  id: string
  object: string
  name: string
  language: string
  status: string
  category: string
  components: { type: string; format?: string; text?: string; buttons?: unknown[] }[]
}

export interface Page<T> {
  data: T[]
  has_more: boolean
  next_cursor: string | null
  request_id: string
}

export interface ApiResponse<T> {
  status: number
  headers: Headers
  text: string
  /** Parsed JSON; `undefined` when the body is not JSON. */
  body: T
  elapsedMs: number
}

export interface RequestOptions {
  /** Serialised with `JSON.stringify` and sent as `application/json`. */
  body?: unknown
  /** Sent verbatim; no content type is added unless given in `headers`. */
  raw?: string | Uint8Array<ArrayBuffer>
  headers?: Record<string, string>
  /** API key for `Authorization: Bearer`; `null` sends no Authorization header. */
  key?: string | null
}

/** Sends one request over real HTTP and reads the whole answer. */
export async function request<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  const headers = new Headers(options.headers)
  const key = options.key === undefined ? API_KEY : options.key
  if (key !== null && !headers.has('authorization')) headers.set('authorization', `Bearer ${key}`)
  let body: string | Uint8Array<ArrayBuffer> | undefined
  if (options.raw !== undefined) {
    body = options.raw
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    if (!headers.has('content-type')) headers.set('content-type', 'application/json')
  }
  const started = performance.now()
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body })
  const text = await response.text()
  const elapsedMs = performance.now() - started
  let parsed: unknown
  try {
    parsed = text === '' ? undefined : JSON.parse(text)
  } catch {
    parsed = undefined
  }
  return { status: response.status, headers: response.headers, text, body: parsed as T, elapsedMs }
}

export interface Harness {
  emulator: Emulator
  url: string
  request<T = unknown>(
    method: string,
    path: string,
    options?: RequestOptions,
  ): Promise<ApiResponse<T>>
  get<T = unknown>(path: string, options?: RequestOptions): Promise<ApiResponse<T>>
  /** `POST /v1/messages` with the default key. */
  send<T = MessageEnvelope>(payload: unknown, options?: RequestOptions): Promise<ApiResponse<T>>
  /** `GET /v1/messages/{id}` → the Message. */
  message(id: string, key?: string): Promise<Message>
  /** `GET /_emulator/messages` → every stored message, oldest first. */
  stored(): Promise<StoredMessage[]>
  /** Moves the emulator clock and runs whatever fell due. */
  advance(by: number | string): Promise<void>
  close(): Promise<void>
}

let documentChecker: Promise<Checker> | undefined

/** A checker of the document the emulator serves (the same in every emulator: fetched once). */
function conformance(url: string): Promise<Checker> {
  documentChecker ??= request<OpenApiDocument>(url, 'GET', '/v1/openapi.json', { key: null }).then(
    (r) => createChecker(r.body),
  )
  return documentChecker
}

/** The documented operation a request is for, if any (undocumented methods and paths: none). */
function operationOf(checker: Checker, method: string, path: string): string | undefined {
  const pathname = path.split('?')[0]!
  return checker.operations.find(
    (operation) =>
      operation.method === method.toUpperCase() &&
      new RegExp(`^${operation.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(pathname),
  )?.operationId
}

/**
 * Starts an emulator (manual timing unless told otherwise) served on 127.0.0.1, port 0. Every
 * answer the harness gets from a documented operation is checked against the OpenAPI document
 * (status listed, headers and body valid), so the whole suite holds the document to the truth.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Harness> {
  const emulator = createEmulator({ timing: 'manual', ...options })
  const server = await serve(emulator, { port: 0, host: '127.0.0.1' })
  const url = server.url.replace(/\/$/, '')
  const checker = await conformance(url)
  const checked = async <T>(method: string, path: string, opts: RequestOptions = {}) => {
    const r = await request<T>(url, method, path, opts)
    const operation = operationOf(checker, method, path)
    if (operation !== undefined) checker.check(operation, r)
    return r
  }
  const harness: Harness = {
    emulator,
    url,
    request: (method, path, opts) => checked(method, path, opts),
    get: (path, opts) => checked('GET', path, opts),
    send: (payload, opts) => checked('POST', '/v1/messages', { ...opts, body: payload }),
    async message(id, key) {
      const r = await checked<MessageEnvelope>('GET', `/v1/messages/${id}`, {
        key: key ?? API_KEY,
      })
      expect(r.status, r.text).toBe(200)
      expect(r.body.request_id).toMatch(REQ_ID)
      expect(r.headers.get('x-request-id')).toBe(r.body.request_id)
      expectMessageShape(r.body.data)
      expect(r.body.data.id).toBe(id)
      return r.body.data
    },
    async stored() {
      const r = await request<{ data: StoredMessage[] }>(url, 'GET', '/_emulator/messages', {
        key: null,
      })
      expect(r.status, r.text).toBe(200)
      return r.body.data
    },
    advance: (by) => emulator.clock.advance(by),
    async close() {
      await server.close()
      await emulator.close()
    },
  }
  return harness
}

/** Asserts the documented error envelope, its `X-Request-Id` twin and the expected fields. */
export function expectApiError(
  r: ApiResponse<unknown>,
  expected: { status: number; type: string; code?: string | RegExp; param?: string | RegExp },
): ApiErrorBody['error'] {
  expect(r.status, r.text).toBe(expected.status)
  expect(r.headers.get('content-type') ?? '').toMatch(/^application\/json/)
  const body = r.body as ApiErrorBody
  expect(body, r.text).toBeTypeOf('object')
  expect(Object.keys(body)).toEqual(['error'])
  const error = body.error
  expect(error.type, r.text).toBe(expected.type)
  if (typeof expected.code === 'string') expect(error.code, r.text).toBe(expected.code)
  else if (expected.code instanceof RegExp) expect(error.code, r.text).toMatch(expected.code)
  else expect(error.code).toMatch(/^[a-z_]+$/)
  expect(error.message).toBeTypeOf('string')
  expect(error.message.length).toBeGreaterThan(0)
  expect(error.request_id).toMatch(REQ_ID)
  expect(r.headers.get('x-request-id')).toBe(error.request_id)
  if (typeof expected.param === 'string') expect(error.param, r.text).toBe(expected.param)
  else if (expected.param instanceof RegExp)
    expect(error.param ?? '', r.text).toMatch(expected.param)
  return error
}

/** Asserts an accepted send: 202 (200 tolerated), the Message shape and request ids. */
export function expectAccepted(
  r: ApiResponse<MessageEnvelope>,
  status: MessageStatus = 'pending',
): Message {
  expect([200, 202], r.text).toContain(r.status)
  expect(r.body.request_id).toMatch(REQ_ID)
  expect(r.headers.get('x-request-id')).toBe(r.body.request_id)
  const m = r.body.data
  expectMessageShape(m)
  expect(m.status, r.text).toBe(status)
  return m
}

/** The Message object of kirim-api.md plus the lead's interpretations. */
export function expectMessageShape(m: Message): void {
  expect(m.id).toMatch(MSG_ID)
  expect(m.object).toBe('message')
  expect(m.to).toMatch(/^\+[1-9]\d{1,14}$/)
  expect(m.from).toMatch(/^\+[1-9]\d{1,14}$/)
  expect(m.type).toBeTypeOf('string')
  expect(m.created_at).toMatch(ISO_TIME)
  expect(m.updated_at).toMatch(ISO_TIME)
  if (m.status === 'failed') {
    expect(m.error).toMatchObject({
      code: expect.any(String),
      message: expect.any(String),
      provider_code: expect.any(Number),
    })
  } else {
    expect(m).not.toHaveProperty('error')
    expect(m.provider_message_id).toMatch(/^wamid\./)
  }
}

/** Asserts a message failed with the given delivery-failure code and Meta code(s). */
export function expectFailed(m: Message, code: string, providerCodes: number | number[]): void {
  expect(m.status).toBe('failed')
  expect(m.error?.code).toBe(code)
  expect([providerCodes].flat()).toContain(m.error?.provider_code)
  expect(m.error?.message.length).toBeGreaterThan(0)
}

export function expectRateLimitHeaders(r: ApiResponse<unknown>): void {
  for (const name of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset']) {
    expect(r.headers.get(name), `${name} on ${r.status}`).toMatch(/^\d+$/)
  }
}

/** Advances the clock in steps, calling `check` after each, until it returns true. */
export async function advanceUntil(
  h: Harness,
  check: () => Promise<boolean> | boolean,
  { step, max }: { step: number; max: number },
): Promise<number> {
  let elapsed = 0
  while (elapsed < max) {
    if (await check()) return elapsed
    await h.advance(step)
    elapsed += step
  }
  if (await check()) return elapsed
  throw new Error(`condition not met after ${max} ms on the emulator clock`)
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms))

// --- payload builders -------------------------------------------------------------------

export const textTo = (to: string, body = 'Halo dari Kirim'): Record<string, unknown> => ({
  to,
  type: 'text',
  text: { body },
})

export const templateTo = (
  to: string,
  name = 'reengagement',
  language: unknown = 'id_ID',
  components?: unknown[],
): Record<string, unknown> => ({
  to,
  type: 'template',
  template: components === undefined ? { name, language } : { name, language, components },
})

export const bodyParams = (...values: string[]): unknown[] => [
  { type: 'body', parameters: values.map((text) => ({ type: 'text', text })) },
]

// --- webhook receiver -----------------------------------------------------------------

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders
  /** The body exactly as received. */
  raw: Buffer
  json: MetaWebhook
  /** The emulator clock when the request arrived, if the receiver was given a clock. */
  clockAt: number | undefined
  /** Real time (`performance.now()`) when the request arrived. */
  receivedAt: number
  /** The status code the receiver answered. */
  answered: number
}

export interface MetaStatus {
  id: string
  status: string
  timestamp: string
  recipient_id: string
  errors?: { code: number; title: string; message?: string }[]
}

export interface MetaInbound {
  from: string
  id: string
  timestamp: string
  type: string
  text?: { body: string }
  interactive?: {
    type: string
    list_reply?: { id: string; title: string; description?: string }
    button_reply?: { id: string; title: string }
  }
}

export interface MetaWebhook {
  object: string
  entry: {
    id: string
    changes: {
      field: string
      value: {
        messaging_product: string
        metadata: { display_phone_number: string; phone_number_id: string }
        statuses?: MetaStatus[]
        messages?: MetaInbound[]
      }
    }[]
  }[]
}

export interface Receiver {
  url: string
  received: ReceivedWebhook[]
  /** Decides the status code of each answer; default 200. `n` counts from 0 over all requests. */
  respond: (webhook: ReceivedWebhook, n: number) => number
  /** Stamps each request with this clock. */
  clock: (() => number) | undefined
  /** Waits (real time) until at least `count` requests have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>
  close(): Promise<void>
}

/** A `node:http` server on 127.0.0.1, port 0, that records every request. */
export async function startReceiver(): Promise<Receiver> {
  const received: ReceivedWebhook[] = []
  const receiver: Receiver = {
    url: '',
    received,
    respond: () => 200,
    clock: undefined,
    async waitFor(count, timeoutMs = 2000) {
      const deadline = Date.now() + timeoutMs
      while (received.length < count) {
        if (Date.now() > deadline) {
          throw new Error(`expected ${count} webhook request(s), got ${received.length}`)
        }
        await sleep(5)
      }
      return received
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const raw = Buffer.concat(chunks)
      let json: MetaWebhook
      try {
        json = JSON.parse(raw.toString('utf8')) as MetaWebhook
      } catch {
        json = undefined as unknown as MetaWebhook
      }
      const webhook: ReceivedWebhook = {
        headers: req.headers,
        raw,
        json,
        clockAt: receiver.clock?.(),
        receivedAt: performance.now(),
        answered: 0,
      }
      webhook.answered = receiver.respond(webhook, received.length)
      received.push(webhook)
      res.writeHead(webhook.answered, { 'content-type': 'text/plain' })
      res.end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`
  return receiver
}

export function header(webhook: ReceivedWebhook, name: string): string {
  const value = webhook.headers[name.toLowerCase()]
  return Array.isArray(value) ? value.join(', ') : (value ?? '')
}

/**
 * Checks `X-Kirim-Signature: t=<unix>,v1=<hex>[,v1=<hex>]` by computing
 * HMAC-SHA256(secret, `${t}.${rawBody}`) here, independently of any SDK code.
 */
export function verifySignature(
  signatureHeader: string,
  raw: Buffer,
  secret: string,
): { valid: boolean; t: number } {
  const parts = signatureHeader.split(',').map((part) => part.trim())
  const t = parts.find((p) => p.startsWith('t='))?.slice(2) ?? ''
  const candidates = parts.filter((p) => p.startsWith('v1=')).map((p) => p.slice(3))
  if (!/^\d+$/.test(t) || candidates.length === 0) return { valid: false, t: Number.NaN }
  const expected = createHmac('sha256', secret).update(`${t}.`).update(raw).digest()
  const valid = candidates.some((hex) => {
    if (!/^[0-9a-f]{64}$/.test(hex)) return false
    return timingSafeEqual(Buffer.from(hex, 'hex'), expected)
  })
  return { valid, t: Number(t) }
}

/** Digits only: Meta writes phone numbers without the `+`. */
export const digits = (phone: string): string => phone.replace(/^\+/, '')
