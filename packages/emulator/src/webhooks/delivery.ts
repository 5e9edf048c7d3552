/** One try at delivering a webhook. */
export interface DeliveryAttempt {
  /** 1–8. */
  readonly attempt: number
  readonly at: string
  /** The receiver's HTTP status, or null when the request failed (`error` then says why). */
  readonly status: number | null
  readonly error: string | null
  readonly duration_ms: number
}

/** `pending` while attempts remain; `delivered` on a 2xx; `dead` after a final failure. */
export type DeliveryState = 'pending' | 'delivered' | 'dead'

/** A webhook delivery, as `GET /_emulator/webhooks` lists it. */
export interface Delivery {
  readonly id: string
  readonly object: 'webhook_delivery'
  readonly event_id: string
  readonly event_type: string
  readonly url: string
  readonly state: DeliveryState
  readonly attempts: readonly DeliveryAttempt[]
  readonly next_attempt_at: string | null
  readonly created_at: string
  /** The JSON body sent (the same bytes on every attempt). */
  readonly payload: unknown
}
