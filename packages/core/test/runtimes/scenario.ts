/**
 * @module
 * The one scenario every runtime runs (Node, Deno, Bun, workerd, Vercel Edge): it imports
 * `@kirim/core` and nothing else, and touches only Web APIs, so the same bundle proves the
 * SDK on each of them. It talks to a real emulator over HTTP and returns plain JSON, so the
 * harness can compare every runtime's answer with one expected value.
 */
import { Kirim, KirimError, ValidationError } from '@kirim/core'

/** The emulator's default organisation key. */
const API_KEY = 'kdv_live_emulatoremulatoremulator'
/** Emulator test recipient whose 24 h window is open. */
const OPEN_WINDOW = '+628111111111'
/** Emulator test recipient whose 24 h window is closed. */
const CLOSED_WINDOW = '+628122222222'

const MESSAGE_ID = /^msg_[0-9A-HJKMNP-TV-Z]{26}$/

type SendBody = Parameters<Kirim['messages']['send']>[0]

/** What one send came back as, reduced to the fields that do not vary between runs. */
export interface SentSummary {
  readonly status: string
  readonly type: string
  readonly to: string
}

/** The scenario's answer: identical in every runtime when the SDK behaves. */
export interface ScenarioResult {
  /** One entry per message type (interactive ones as `interactive/<kind>`). */
  readonly sent: Readonly<Record<string, SentSummary>>
  readonly sentIds: {
    /** Every returned id looks like `msg_` + 26 Crockford base32 characters. */
    readonly wellFormed: boolean
    /** No id came back twice. */
    readonly distinct: boolean
    /** HTTP requests the sends made: exactly one each when nothing fails. */
    readonly requests: number
  }
  readonly readBack: SentSummary & { readonly sameId: boolean }
  readonly templates: {
    readonly firstPageSize: number
    readonly firstPageHasMore: boolean
    /** Templates seen by `for await` over every page. */
    readonly total: number
    /** Distinct template ids among them (no page repeated or skipped an item). */
    readonly distinct: number
  }
  readonly failed: SentSummary & {
    readonly code: string | undefined
    readonly providerCode: number | null | undefined
  }
  readonly validation: {
    /** A body of exactly 4096 code points is accepted and sent. */
    readonly atLimit: string
    /** 4096 emoji: 8192 UTF-16 units, but 4096 code points, so accepted too. */
    readonly atLimitAstral: string
    /** Name of what a 4097-code-point body threw. */
    readonly overLimit: string
    readonly isKirimError: boolean
    readonly paths: readonly string[]
    /** HTTP requests made by the rejected send: must be zero. */
    readonly requests: number
  }
  /** A 503 (with `Retry-After`) on the first attempt, then success. */
  readonly retryAfter503: RetryOutcome & {
    /** The retry waited at least the `Retry-After` the 503 asked for. */
    readonly waitedRetryAfter: boolean
  }
  /** The connection drops after the emulator stored the message: the retry must replay it. */
  readonly retryAfterDrop: RetryOutcome
  /**
   * `sendMany` (its machinery loaded by a dynamic `import()`): two valid bodies around an invalid
   * one, run twice with the same batch.
   */
  readonly broadcast: {
    readonly first: BroadcastCounts
    readonly second: BroadcastCounts
    /** The issue paths of the invalid body. */
    readonly invalidPaths: readonly string[]
    /** The keys that went out, the batch written `<batch>`. */
    readonly keys: readonly string[]
    /** Messages the emulator stored under the batch. */
    readonly stored: number
  }
}

/** The counts of one `sendMany` run. */
export interface BroadcastCounts {
  readonly sent: number
  readonly replayed: number
  readonly failed: number
}

/** How a send that met a fault ended, witnessed by the emulator's store. */
export interface RetryOutcome {
  readonly status: string
  /** HTTP attempts the SDK made for the one logical send. */
  readonly requests: number
  /** Every attempt carried the same, non-empty `Idempotency-Key`. */
  readonly sameIdempotencyKey: boolean
  /** Messages the emulator stored with this send's body. */
  readonly stored: number
  /** The id the SDK returned is the stored message's id. */
  readonly sameId: boolean
}

interface StoredMessage {
  readonly id: string
  readonly text?: { readonly body: string }
  readonly idempotency_key?: string | null
}

const RETRY_AFTER_SECONDS = 1

/**
 * Runs the scenario against the emulator served at `emulatorUrl`.
 *
 * @example
 * const result = await runScenario('http://127.0.0.1:4010')
 */
export async function runScenario(emulatorUrl: string): Promise<ScenarioResult> {
  const base = emulatorUrl.replace(/\/+$/, '')
  // Sent bodies carry this run's nonce, so the store can be searched even if runs share an emulator.
  const nonce = crypto.randomUUID()
  const idempotencyKeys: (string | null)[] = []
  const countingFetch: typeof fetch = (input, init) => {
    // Duck-typed, not `instanceof Request`: edge-runtime's `Request#clone()` (which ky uses to
    // retry) returns a Request of another realm.
    const headers =
      init?.headers !== undefined
        ? new Headers(init.headers)
        : typeof input === 'object' && 'headers' in input
          ? input.headers
          : new Headers()
    idempotencyKeys.push(headers.get('idempotency-key'))
    return fetch(input, init)
  }
  const kirim = new Kirim({ apiKey: API_KEY, baseUrl: base, fetch: countingFetch })

  const bodies: Record<string, SendBody> = {
    text: { to: OPEN_WINDOW, type: 'text', text: { body: `Halo dari Kirim ${nonce}` } },
    template: {
      to: OPEN_WINDOW,
      type: 'template',
      template: {
        name: 'order_confirmation',
        language: 'id_ID',
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'John' },
              { type: 'text', text: 'ORD-12345' },
            ],
          },
        ],
      },
    },
    image: {
      to: OPEN_WINDOW,
      type: 'image',
      image: { url: 'https://cdn.example.com/screenshot.jpg', caption: 'Lihat tangkapan layar' },
    },
    document: {
      to: OPEN_WINDOW,
      type: 'document',
      document: { url: 'https://cdn.example.com/invoice.pdf', filename: 'invoice.pdf' },
    },
    video: { to: OPEN_WINDOW, type: 'video', video: { url: 'https://cdn.example.com/demo.mp4' } },
    audio: { to: OPEN_WINDOW, type: 'audio', audio: { url: 'https://cdn.example.com/note.mp3' } },
    'interactive/cta_url': {
      to: OPEN_WINDOW,
      type: 'interactive',
      interactive: {
        type: 'cta_url',
        body: { text: 'Klik untuk melacak pesanan Anda.' },
        action: {
          name: 'cta_url',
          parameters: {
            display_text: 'Lacak Pesanan',
            url: 'https://your-app.example.com/orders/12345',
          },
        },
      },
    },
    'interactive/list': {
      to: OPEN_WINDOW,
      type: 'interactive',
      interactive: {
        type: 'list',
        header: { type: 'text', text: 'Pilih layanan' },
        body: { text: 'Layanan apa yang Anda butuhkan?' },
        footer: { text: 'Pilih satu' },
        action: {
          button: 'Lihat opsi',
          sections: [
            {
              title: 'Bantuan',
              rows: [
                { id: 'billing', title: 'Tagihan', description: 'Tanya soal tagihan' },
                { id: 'tech', title: 'Teknis', description: 'Bug, error, kesulitan' },
              ],
            },
          ],
        },
      },
    },
    'interactive/button': {
      to: OPEN_WINDOW,
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Konfirmasi pesanan Anda?' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'yes', title: 'Ya' } },
            { type: 'reply', reply: { id: 'no', title: 'Tidak' } },
          ],
        },
      },
    },
  }

  const sent: Record<string, SentSummary> = {}
  const ids: string[] = []
  const requestsBeforeSends = idempotencyKeys.length
  for (const [name, body] of Object.entries(bodies)) {
    const message = await kirim.messages.send(body)
    sent[name] = summarise(message)
    ids.push(message.id)
  }
  const sendRequests = idempotencyKeys.length - requestsBeforeSends

  const firstId = ids[0] ?? ''
  const got = await kirim.messages.get(firstId)

  const firstPage = await kirim.templates.list()
  const templateIds: string[] = []
  for await (const template of kirim.templates.list()) templateIds.push(template.id)

  const failed = await kirim.messages.send({
    to: CLOSED_WINDOW,
    type: 'text',
    text: { body: `Di luar jendela ${nonce}` },
  })

  const atLimit = await kirim.messages.send({
    to: OPEN_WINDOW,
    type: 'text',
    text: { body: 'a'.repeat(4096) },
  })
  const atLimitAstral = await kirim.messages.send({
    to: OPEN_WINDOW,
    type: 'text',
    text: { body: '😀'.repeat(4096) },
  })
  const requestsBeforeInvalid = idempotencyKeys.length
  const rejection = await kirim.messages
    .send({ to: OPEN_WINDOW, type: 'text', text: { body: 'a'.repeat(4097) } })
    .then(
      () => undefined,
      (error: unknown) => error,
    )
  const invalidRequests = idempotencyKeys.length - requestsBeforeInvalid

  const started = Date.now()
  const after503 = await sendThroughFault(kirim, base, '503', `Coba lagi ${nonce}`, idempotencyKeys)
  const waited = Date.now() - started
  const afterDrop = await sendThroughFault(
    kirim,
    base,
    'drop_after',
    `Koneksi putus ${nonce}`,
    idempotencyKeys,
  )

  const batch = `runtime-${nonce}`
  const broadcastBodies: SendBody[] = [
    { to: OPEN_WINDOW, type: 'text', text: { body: `Siaran 0 ${nonce}` } },
    { to: '0811', type: 'text', text: { body: `Siaran 1 ${nonce}` } },
    { to: OPEN_WINDOW, type: 'text', text: { body: `Siaran 2 ${nonce}` } },
  ]
  const requestsBeforeBroadcast = idempotencyKeys.length
  const first = await kirim.messages.sendMany(broadcastBodies, { batch })
  const second = await kirim.messages.sendMany(broadcastBodies, { batch })
  const broadcastKeys = idempotencyKeys
    .slice(requestsBeforeBroadcast)
    .map((key) => (key ?? '').replace(batch, '<batch>'))
  const invalid = first.results[1]?.error
  const { data: storedNow } = (await control(base, '/_emulator/messages')) as {
    data: StoredMessage[]
  }
  const counts = ({ sent, replayed, failed }: BroadcastCounts) => ({ sent, replayed, failed })

  return {
    sent,
    sentIds: {
      wellFormed: ids.every((id) => MESSAGE_ID.test(id)),
      distinct: new Set(ids).size === ids.length,
      requests: sendRequests,
    },
    readBack: { ...summarise(got), sameId: got.id === firstId },
    templates: {
      firstPageSize: firstPage.data.length,
      firstPageHasMore: firstPage.hasMore,
      total: templateIds.length,
      distinct: new Set(templateIds).size,
    },
    failed: {
      ...summarise(failed),
      code: failed.error?.code,
      providerCode: failed.error?.provider_code,
    },
    validation: {
      atLimit: atLimit.status,
      atLimitAstral: atLimitAstral.status,
      overLimit: rejection instanceof Error ? rejection.name : String(rejection),
      isKirimError: rejection instanceof KirimError && rejection instanceof ValidationError,
      paths:
        rejection instanceof ValidationError ? rejection.issues.map((issue) => issue.path) : [],
      requests: invalidRequests,
    },
    retryAfter503: { ...after503, waitedRetryAfter: waited >= RETRY_AFTER_SECONDS * 1000 },
    retryAfterDrop: afterDrop,
    broadcast: {
      first: counts(first),
      second: counts(second),
      invalidPaths: invalid instanceof ValidationError ? invalid.issues.map((i) => i.path) : [],
      keys: [...new Set(broadcastKeys)].sort(),
      stored: storedNow.filter((m) => m.idempotency_key?.startsWith(`${batch}:`)).length,
    },
  }
}

/** The parts of an error worth printing when a runtime's scenario fails. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { thrown: String(error) }
  return {
    name: error.name,
    message: error.message,
    ...(error instanceof KirimError ? { code: error.code, status: error.status } : {}),
    stack: error.stack,
    ...(error.cause === undefined ? {} : { cause: describeError(error.cause) }),
  }
}

function summarise(message: { status: string; type: string; to: string }): SentSummary {
  return { status: message.status, type: message.type, to: message.to }
}

async function sendThroughFault(
  kirim: Kirim,
  base: string,
  kind: '503' | 'drop_after',
  body: string,
  idempotencyKeys: (string | null)[],
): Promise<RetryOutcome> {
  // `X-Emulator-Fault` cannot be set through the SDK, so the fault is queued on the control API.
  await control(base, '/_emulator/faults', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      kind,
      count: 1,
      path: '/v1/messages',
      ...(kind === '503' ? { retryAfter: RETRY_AFTER_SECONDS } : {}),
    }),
  })
  const first = idempotencyKeys.length
  const message = await kirim.messages.send({ to: OPEN_WINDOW, type: 'text', text: { body } })
  const keys = idempotencyKeys.slice(first)
  const { data } = (await control(base, '/_emulator/messages')) as { data: StoredMessage[] }
  const stored = data.filter((candidate) => candidate.text?.body === body)
  return {
    status: message.status,
    requests: keys.length,
    sameIdempotencyKey: keys.length > 0 && keys.every((key) => key !== null && key === keys[0]),
    stored: stored.length,
    sameId: stored.length === 1 && stored[0]?.id === message.id,
  }
}

async function control(base: string, path: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(`${base}${path}`, init)
  if (!response.ok) {
    throw new Error(
      `${init?.method ?? 'GET'} ${path} answered ${response.status}: ${await response.text()}`,
    )
  }
  return response.json()
}
