import { handleApi } from './api/handle-api.ts'
import { createDirectory } from './auth/organization.ts'
import { checkOptions } from './check-options.ts'
import { parseDuration } from './clock/duration.ts'
import { Scheduler } from './clock/scheduler.ts'
import { Sleeper } from './clock/sleeper.ts'
import { createTimeSource } from './clock/time-source.ts'
import { timingProfile } from './clock/timing-profile.ts'
import type { EmulatorContext } from './context.ts'
import { createControlHandler } from './control/handle-control.ts'
import { ConnectionDroppedError } from './errors/connection-dropped.ts'
import { FaultRegistry } from './faults/fault-registry.ts'
import { CORS_HEADERS, preflight } from './http/cors.ts'
import { IdempotencyGate } from './idempotency/idempotency-gate.ts'
import { newId } from './ids/ulid.ts'
import { acceptedAnswer } from './messages/accepted.ts'
import { type StoredMessage, toStoredMessage } from './messages/message.ts'
import { TEST_RECIPIENTS } from './messages/test-recipients.ts'
import type { EmulatorOptions } from './options.ts'
import { RateLimiter } from './rate-limit/rate-limiter.ts'
import { createMemoryStore } from './store/memory-store.ts'
import { buildTemplates } from './templates/build-templates.ts'
import { CursorCodec } from './templates/cursor.ts'
import type { Delivery } from './webhooks/delivery.ts'
import { WebhookDispatcher } from './webhooks/dispatcher.ts'

/** The emulator clock: tests drive time with it. */
export interface EmulatorClock {
  /** Milliseconds since the epoch on the emulator clock. */
  now(): number
  /**
   * Moves the clock forward (ms, or `"25h"` / `"10m"` / `"30s"`) and runs everything that
   * fell due on the way (status steps, webhook retries) before resolving.
   */
  advance(by: number | string): Promise<void>
}

/** A running emulator. */
export interface Emulator {
  /**
   * The Web-standard handler: serve it, or pass it as an SDK's `fetch`. Rejects with
   * {@link ConnectionDroppedError} when a drop fault cuts the connection.
   *
   * @example
   * const kirim = new Kirim({ apiKey: 'kdv_live_emulatoremulatoremulator', fetch: emulator.fetch })
   */
  readonly fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>
  /** Stops every timer and pending delivery. */
  close(): Promise<void>
  readonly clock: EmulatorClock
  /** Every stored message, oldest first (as `GET /_emulator/messages`). */
  messages(): StoredMessage[]
  /** Every webhook delivery, oldest first (as `GET /_emulator/webhooks`). */
  deliveries(): Delivery[]
  /** Forgets messages, idempotency keys, windows, deliveries, faults and rate-limit state. */
  reset(): void
}

/**
 * Creates a faithful local Kirim API.
 *
 * @example
 * const emulator = createEmulator({ timing: 'manual' })
 * const response = await emulator.fetch(new Request('http://kirim.test/v1/health'))
 * await emulator.clock.advance('1s')
 * await emulator.close()
 */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  checkOptions(options)
  const timing = options.timing ?? 'fast'
  const start = options.now === undefined ? undefined : new Date(options.now).getTime()
  const time = createTimeSource(timing, start)
  const profile = timingProfile(timing)
  const scheduler = new Scheduler(time, profile.automatic, (error) =>
    console.error('[kirim-emulator] scheduled task failed:', error),
  )
  const sleeper = new Sleeper()
  const store = options.store ?? createMemoryStore()
  const directory = createDirectory(options, time.now())
  const webhooks = new WebhookDispatcher(
    {
      store,
      scheduler,
      time,
      retryScale: profile.retryScale,
      fetch: (input, init) => (options.fetch ?? globalThis.fetch)(input, init),
    },
    options.webhook,
  )
  const context: EmulatorContext = {
    timing,
    profile,
    time,
    scheduler,
    sleeper,
    store,
    directory,
    templates: buildTemplates(options.templates, time.now()),
    cursors: new CursorCodec(),
    limiter: new RateLimiter(),
    faults: new FaultRegistry(),
    idempotency: new IdempotencyGate(
      store,
      time,
      sleeper,
      options.idempotencyWaitMs ?? 30_000,
      (messageId, requestId) => {
        const record = store.getMessage(messageId)
        return record === undefined ? undefined : acceptedAnswer(record.message, requestId).body
      },
    ),
    webhooks,
  }

  const seedWindows = () => {
    const now = time.now()
    for (const organization of directory.organizations) {
      for (const number of organization.numbers) {
        store.saveInbound(organization.id, number, TEST_RECIPIENTS.openWindow, now)
      }
    }
  }
  const reset = () => {
    scheduler.clear()
    webhooks.reset()
    webhooks.target = options.webhook
    store.clear()
    context.faults.clear()
    context.limiter.clear()
    seedWindows()
  }
  const advance = (ms: number) => scheduler.advance(ms)
  seedWindows()
  const handleControl = createControlHandler(context, { advance, reset })

  const handle = async (request: Request): Promise<Response> => {
    const requestId = newId('req', time.now())
    if (request.method.toUpperCase() === 'OPTIONS') return preflight(request, requestId)
    let url: URL
    try {
      url = new URL(request.url)
    } catch {
      throw new TypeError(`Invalid URL: ${request.url}`)
    }
    let response: Response
    try {
      if (url.pathname.startsWith('/_emulator/')) {
        response = await handleControl(request, url, requestId)
      } else {
        response = await handleApi(context, request, url, requestId)
      }
    } catch (error) {
      if (error instanceof ConnectionDroppedError) throw error
      console.error('[kirim-emulator] request failed:', error)
      response = Response.json(
        {
          error: {
            type: 'api_error',
            code: 'internal_error',
            message: 'Unexpected emulator error.',
            request_id: requestId,
          },
        },
        { status: 500, headers: { 'X-Request-Id': requestId } },
      )
    }
    for (const [name, value] of Object.entries(CORS_HEADERS)) response.headers.set(name, value)
    return response
  }

  return {
    fetch: (input, init) =>
      handle(input instanceof Request && init === undefined ? input : new Request(input, init)),
    close: async () => {
      webhooks.reset()
      sleeper.cancelAll()
      await scheduler.close()
    },
    clock: {
      now: () => time.now(),
      advance: (by) => advance(parseDuration(by)),
    },
    messages: () => store.listMessages().map(toStoredMessage),
    deliveries: () => store.listDeliveries(),
    reset,
  }
}
