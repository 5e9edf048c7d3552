import { KirimError } from '../errors/KirimError.ts'
import { ValidationError } from '../errors/ValidationError.ts'
import type { HttpClient } from '../http/HttpClient.ts'
import { readRateLimit } from '../http/rateLimit.ts'
import { parseRetryAfter } from '../http/retry.ts'
import { abortedError, attempt } from '../http/transport.ts'
import { abortable } from '../internal/abortable.ts'
import {
  checkFunction,
  checkWholeNumber,
  issue,
  issuesOf,
  requestOptionIssues,
} from '../internal/checkOptions.ts'
import { sleep } from '../internal/sleep.ts'
import {
  describeValue,
  IDEMPOTENCY_KEY_MAX,
  isIdempotencyKey,
  type Message,
  MessageEnvelopeSchema,
  type SendMessageBody,
} from '../schemas/index.ts'
import type { RequestOptions } from '../types/options.ts'
import { checkIdempotencyKey, createIdempotencyKey } from './idempotencyKey.ts'
import { checkMessageId } from './messageId.ts'
import { checkSendBody } from './sendBody.ts'
import type { SendManyBodies, SendManyOptions, SendManyResult } from './sendMany/types.ts'
import { type WaitForOptions, waitFor } from './waitFor.ts'

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
    const { output, issues } = checkSendBody(body, this.#from)
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
   * Sends one message per body, as a broadcast you can stop and run again without sending
   * anything twice: the same template to a list of customers, from an array, a generator or an
   * async iterable (a CSV stream, a database cursor) read only as fast as it is sent.
   *
   * - **Resumable.** The `Idempotency-Key` of item `i` is `` `${batch}:${i}` `` (stable across
   *   versions). Run the same broadcast again with the same `batch` and Kirim replays what it
   *   already accepted (counted as `replayed`) and sends only the rest. A different body at an
   *   index Kirim already holds is refused (`InvalidRequestError`, code `idempotency_key_reuse`)
   *   and not sent. Kirim keeps keys for 24 hours.
   * - **Paced by the rate limit.** The attempts spend what `X-RateLimit-Remaining` says is left
   *   and then wait for `X-RateLimit-Reset` (read against Kirim's clock through its `Date`
   *   header), so a steady broadcast meets no 429; one that still happens waits its
   *   `Retry-After` and goes on, without using up a retry. At most `concurrency` items (4) are
   *   in flight.
   * - **Validated as read.** An invalid body is reported for its index with its
   *   `ValidationError` (every field and rule), never sent; the others go on.
   * - **Stops cleanly.** After `signal` fires no item starts and those in flight settle; the
   *   result's `stoppedAt` is the first index not attempted.
   *
   * Resolves with one result per item (`{ index, message, replayed }` or `{ index, error }`) and
   * the counts; it rejects only for what is no item's failure: bad arguments (`ValidationError`,
   * before anything is sent), an error of `bodies` itself or of `onProgress`.
   *
   * @example
   * const customers = await db.customersToNotify() // [{ phone, name, order }]
   * const result = await kirim.messages.sendMany(
   *   customers.map((customer) => ({
   *     to: customer.phone,
   *     type: 'template',
   *     template: {
   *       name: 'order_confirmation',
   *       language: 'id_ID',
   *       components: [
   *         {
   *           type: 'body',
   *           parameters: [
   *             { type: 'text', text: customer.name },
   *             { type: 'text', text: customer.order },
   *           ],
   *         },
   *       ],
   *     },
   *   })),
   *   { batch: 'order-confirmation-2026-05-04', onProgress: (p) => console.log(p.done, '/', p.total) },
   * )
   * for (const item of result.results) if (item.error) console.error(item.index, item.error.message)
   */
  sendMany(bodies: SendManyBodies, options: SendManyOptions): Promise<SendManyResult> {
    return import('./sendMany/sendMany.ts').then(({ sendMany }) =>
      // In the order of SendManyPort (PortParts says why a list).
      sendMany(
        [
          this.#http,
          this.#from,
          checkSendBody,
          MessageEnvelopeSchema,
          attempt,
          abortedError,
          ValidationError,
          KirimError,
          readRateLimit,
          parseRetryAfter,
          sleep,
          abortable,
          requestOptionIssues,
          issue,
          issuesOf,
          checkWholeNumber,
          checkFunction,
          describeValue,
          isIdempotencyKey,
          IDEMPOTENCY_KEY_MAX,
        ],
        bodies,
        options,
      ),
    )
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
