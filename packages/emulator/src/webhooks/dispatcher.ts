import type { Scheduler } from '../clock/scheduler.ts'
import type { TimeSource } from '../clock/time-source.ts'
import { newId } from '../ids/ulid.ts'
import type { WebhookTarget } from '../options.ts'
import type { EmulatorStore } from '../store/store.ts'
import type { Delivery, DeliveryAttempt } from './delivery.ts'
import { signatureHeader } from './signature.ts'

/** Delays before attempts 2–8 (kirim-api.md, "Webhooks"); attempt 1 goes at once. */
export const RETRY_DELAYS_MS = [10_000, 30_000, 120_000, 600_000, 3_600_000, 21_600_000, 86_400_000]
/** Attempts in all. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1
/** A receiver gets this long to answer. */
export const DELIVERY_TIMEOUT_MS = 10_000

/** 408, 429, 5xx, 3xx (and network errors) are retried; other 4xx are dead at once. */
export const isRetryable = (status: number): boolean =>
  status === 408 || status === 429 || status >= 500 || (status >= 300 && status < 400)

interface Dependencies {
  readonly store: EmulatorStore
  readonly scheduler: Scheduler
  readonly time: TimeSource
  /** Scales the retry schedule (1/1000 in fast timing). */
  readonly retryScale: number
  readonly fetch: typeof fetch
}

/**
 * Delivers signed webhooks at least once: attempt 1 at once, then the retry schedule
 * with ±20 % jitter on the emulator clock, up to 8 attempts.
 */
export class WebhookDispatcher {
  readonly #deps: Dependencies
  #target: WebhookTarget | undefined
  readonly #controllers = new Set<AbortController>()
  /** Bumped by reset, so attempts still in flight do not write into a cleared store. */
  #generation = 0

  constructor(deps: Dependencies, target: WebhookTarget | undefined) {
    this.#deps = deps
    this.#target = target
  }

  get target(): WebhookTarget | undefined {
    return this.#target
  }

  set target(target: WebhookTarget | undefined) {
    this.#target = target
  }

  /**
   * Records one event (one `evt_` id) and makes attempt 1 to each target: the emulator's
   * webhook target, and the organisation's subscriptions to that event type. The promise
   * settles when every attempt 1 has been answered (or has failed).
   */
  emit(organizationId: string, type: string, payload: unknown): Promise<void> {
    const targets: WebhookTarget[] = []
    if (this.#target !== undefined) targets.push(this.#target)
    for (const record of this.#deps.store.listSubscriptions()) {
      if (record.organizationId !== organizationId) continue
      if (!(record.subscription.events as readonly string[]).includes(type)) continue
      targets.push({ url: record.subscription.url, secret: record.secret })
    }
    if (targets.length === 0) return Promise.resolve()
    const now = this.#deps.time.now()
    const eventId = newId('evt', now)
    const body = JSON.stringify(payload)
    const generation = this.#generation
    return Promise.all(
      targets.map((target) => {
        const delivery: Delivery = {
          id: newId('wbd', now),
          object: 'webhook_delivery',
          event_id: eventId,
          event_type: type,
          url: target.url,
          state: 'pending',
          attempts: [],
          next_attempt_at: new Date(now).toISOString(),
          created_at: new Date(now).toISOString(),
          payload,
        }
        this.#deps.store.saveDelivery(delivery)
        return this.#attempt(delivery.id, target, body, generation)
      }),
    ).then(() => {})
  }

  async #attempt(
    id: string,
    target: WebhookTarget,
    body: string,
    generation: number,
  ): Promise<void> {
    const delivery = this.#deps.store.getDelivery(id)
    if (delivery === undefined || delivery.state !== 'pending' || generation !== this.#generation)
      return
    const attempt = delivery.attempts.length + 1
    const startedAt = this.#deps.time.now()
    const timestamp = Math.floor(startedAt / 1000)
    const controller = new AbortController()
    this.#controllers.add(controller)
    const timer = setTimeout(
      () => controller.abort(new Error('timed out after 10 s')),
      DELIVERY_TIMEOUT_MS,
    )
    const realStart = Date.now()
    let status: number | null = null
    let error: string | null = null
    try {
      const response = await this.#deps.fetch(target.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'Kirim-Webhook/1.0',
          'X-Kirim-Signature': await signatureHeader(target.secret, timestamp, body),
          'X-Kirim-Event': delivery.event_type,
          'X-Kirim-Event-Id': delivery.event_id,
          'X-Kirim-Delivery-Id': delivery.id,
          'X-Kirim-Attempt': String(attempt),
          'X-Kirim-Source': delivery.event_type.startsWith('message.') ? 'meta' : 'kirim',
        },
        body,
        redirect: 'manual',
        signal: controller.signal,
      })
      status = response.status
      await response.body?.cancel().catch(() => {})
    } catch (cause) {
      const reason = controller.signal.aborted ? controller.signal.reason : cause
      error = reason instanceof Error ? reason.message : String(reason)
    } finally {
      clearTimeout(timer)
      this.#controllers.delete(controller)
    }
    if (generation !== this.#generation) return

    const record: DeliveryAttempt = {
      attempt,
      at: new Date(startedAt).toISOString(),
      status,
      error,
      duration_ms: Date.now() - realStart,
    }
    const attempts = [...delivery.attempts, record]
    const succeeded = status !== null && status >= 200 && status < 300
    const retry = !succeeded && (status === null || isRetryable(status)) && attempt < MAX_ATTEMPTS
    if (!retry) {
      this.#deps.store.saveDelivery({
        ...delivery,
        attempts,
        state: succeeded ? 'delivered' : 'dead',
        next_attempt_at: null,
      })
      return
    }
    const base = (RETRY_DELAYS_MS[attempt - 1] ?? 0) * this.#deps.retryScale
    const due = this.#deps.time.now() + Math.round(base * (0.8 + Math.random() * 0.4))
    this.#deps.store.saveDelivery({
      ...delivery,
      attempts,
      next_attempt_at: new Date(due).toISOString(),
    })
    this.#deps.scheduler.schedule(due, () => this.#attempt(id, target, body, generation))
  }

  /** Aborts attempts in flight and forgets the pending ones (reset and close). */
  reset(): void {
    this.#generation++
    for (const controller of this.#controllers)
      controller.abort(new Error('emulator reset or closed'))
    this.#controllers.clear()
  }
}
