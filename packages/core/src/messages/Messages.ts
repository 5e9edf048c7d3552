import { ValidationError } from '../errors/ValidationError.ts'
import type { HttpClient } from '../http/HttpClient.ts'
import { issuesOf, requestOptionIssues } from '../internal/checkOptions.ts'

import {
  dataEnvelope,
  type Message,
  MessageSchema,
  type SendMessageBody,
  SendMessageSchema,
  validate,
} from '../schemas/index.ts'
import type { RequestOptions } from '../types/options.ts'
import { checkIdempotencyKey, createIdempotencyKey } from './idempotencyKey.ts'
import { checkMessageId } from './messageId.ts'
import { type WaitForOptions, waitFor } from './waitFor.ts'

const MessageEnvelopeSchema = /* @__PURE__ */ dataEnvelope(MessageSchema)

/** Options of `kirim.messages.send`. */
export interface SendOptions extends RequestOptions {
  /**
   * The `Idempotency-Key` of this send: 1–255 printable ASCII characters. Every retry of the call
   * carries the same key, so a send is stored at most once however often the network fails; pass
   * your own (an order id, a job id) to make a later, separate call with the same key safe too.
   * Kirim keeps keys for 24 hours.
   *
   * @default a new `crypto.randomUUID()` for each call
   */
  readonly idempotencyKey?: string | undefined
}

/** `kirim.messages`: send WhatsApp messages and follow their status. */
export class Messages {
  readonly #http: HttpClient
  readonly #from: string | undefined

  /** @internal Built by `new Kirim(…)`. */
  constructor(http: HttpClient, from: string | undefined) {
    this.#http = http
    this.#from = from
  }

  /**
   * Sends a message (`POST /v1/messages`) and returns the Message Kirim stored.
   *
   * The body is checked against every documented rule first: a broken one throws
   * `ValidationError` listing all of them, and nothing is sent. The client's `from` fills in a
   * missing `from`. Retries (network errors, timeouts, 409 in progress, 429, 5xx) reuse one
   * `Idempotency-Key`, so the message is sent at most once.
   *
   * A failure Kirim knows at once (24-hour window closed, recipient blocked, template paused)
   * is not thrown: it comes back as a Message with `status: 'failed'` and `error`.
   *
   * @example
   * const message = await kirim.messages.send({
   *   to: '+628111111111',
   *   type: 'text',
   *   text: { body: 'Halo dari Kirim' },
   * })
   * if (message.status === 'failed' && message.error?.code === 'outside_24h_window') {
   *   await kirim.messages.send({
   *     to: message.to,
   *     type: 'template',
   *     template: { name: 'reengagement', language: 'id_ID' },
   *   })
   * }
   */
  async send(body: SendMessageBody, options: SendOptions = {}): Promise<Message> {
    const from = this.#from
    const input: unknown =
      from !== undefined && typeof body === 'object' && body !== null && body.from === undefined
        ? { ...body, from }
        : body
    const { output, issues } = validate(SendMessageSchema, input)
    const all = [
      ...issues,
      ...requestOptionIssues(options, ({ idempotencyKey }) => [
        checkIdempotencyKey(idempotencyKey),
      ]),
    ]
    if (!output || all.length > 0) throw new ValidationError(all, 'message')
    const { data } = await this.#http.request({
      method: 'POST',
      path: 'v1/messages',
      schema: MessageEnvelopeSchema,
      what: 'message',
      options,
      json: output,
      idempotencyKey: options.idempotencyKey ?? createIdempotencyKey(),
    })
    return data
  }

  /**
   * Fetches a message by id (`GET /v1/messages/{id}`): its current status, and `error` once it
   * failed. Throws `NotFoundError` for an unknown id or another organisation's.
   *
   * Prefer webhooks (or `useMessageStatus` in `@kirim/react`) to polling this.
   *
   * @example
   * const { status } = await kirim.messages.get('msg_01HXYZABCDEFGHJKMNPQRSTVWX')
   */
  async get(id: string, options: RequestOptions = {}): Promise<Message> {
    const issues = [...issuesOf(checkMessageId(id)), ...requestOptionIssues(options)]
    if (issues.length > 0) throw new ValidationError(issues, 'message lookup')
    const { data } = await this.#http.request({
      method: 'GET',
      path: `v1/messages/${encodeURIComponent(id)}`,
      schema: MessageEnvelopeSchema,
      what: 'message',
      options,
    })
    return data
  }

  /**
   * Polls a message until its status reaches `until` (by rank: `read` satisfies `delivered`) or a
   * terminal status, and returns it. A failed message is returned, not thrown. Polls at once, then
   * after about `interval` ms, doubling up to 5 s (jittered).
   *
   * When `timeout` passes first it throws `ConnectionError` with code `wait_timeout`, whose `raw`
   * is the last Message seen. A fallback for where webhooks cannot reach: prefer them.
   *
   * @example
   * const message = await kirim.messages.waitFor(sent.id, { until: 'delivered', timeout: 30_000 })
   * if (message.status === 'failed') console.log(message.error?.code)
   */
  async waitFor(id: string, options: WaitForOptions): Promise<Message> {
    return waitFor((signal) => this.get(id, { signal }), id, options)
  }
}
