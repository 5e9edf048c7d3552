import type { Kirim, Message, SendMessageBody } from '@kirim/core'
import {
  ApiServerError,
  ConflictError,
  ConnectionError,
  createIdempotencyKey,
  RateLimitError,
} from '@kirim/core'
import { hashKey } from '@tanstack/react-query'

/** A send on its way: its key, and the promise every identical send attaches to. */
interface InFlight {
  readonly key: string
  readonly promise: Promise<Message>
  /** Every body object that attached, so their keys are dropped together. */
  readonly bodies: Set<object>
}

/** The idempotency key a body object carries, and the content it was minted for. */
interface Binding {
  readonly key: string
  readonly hash: string
}

interface Registry {
  readonly inFlight: Map<string, InFlight>
  readonly bindings: WeakMap<object, Binding>
}

const registries = new WeakMap<Kirim, Registry>()

const registryOf = (client: Kirim): Registry => {
  let registry = registries.get(client)
  if (registry === undefined) {
    registry = { inFlight: new Map(), bindings: new WeakMap() }
    registries.set(client, registry)
  }
  return registry
}

// Failures after which the message may or may not be stored: only these keep their key, so
// that sending the same body again replays instead of sending twice.
const mayHaveBeenStored = (error: unknown): boolean =>
  error instanceof ConnectionError ||
  error instanceof ApiServerError ||
  error instanceof RateLimitError ||
  error instanceof ConflictError

/**
 * Sends `body` at most once however often it is called:
 *
 * - While a send with the same content (a stable hash of the body) is in flight, another call
 *   attaches to it: no second request, the same Message (a double click).
 * - The idempotency key is bound to the body object until the send succeeds, so a retry of the
 *   same call (TanStack's `retry` calls again with the same variables) reuses it: if the first
 *   attempt was stored before the connection dropped, the API replays it instead of sending
 *   again. A failure that proves nothing was stored (a 4xx) drops the key.
 * - Once a send succeeded, calling again with the same body sends a new message (a new key).
 */
export function sendOnce(client: Kirim, body: SendMessageBody): Promise<Message> {
  // Not an object (from JavaScript): there is nothing to bind a key to, and core's validation
  // names the problem (a `ValidationError`) where the key registry would throw a `TypeError`.
  if (typeof body !== 'object' || body === null) return client.messages.send(body)
  const { inFlight, bindings } = registryOf(client)
  const hash = hashKey([body])
  const running = inFlight.get(hash)
  if (running !== undefined) {
    bindings.set(body, { key: running.key, hash })
    running.bodies.add(body)
    return running.promise
  }
  const bound = bindings.get(body)
  const key = bound?.hash === hash ? bound.key : createIdempotencyKey()
  bindings.set(body, { key, hash })
  const bodies = new Set<object>([body])
  const forget = () => {
    for (const sent of bodies) bindings.delete(sent)
  }
  const promise = client.messages.send(body, { idempotencyKey: key }).then(
    (message) => {
      forget()
      return message
    },
    (error: unknown) => {
      if (!mayHaveBeenStored(error)) forget()
      throw error
    },
  )
  const entry: InFlight = { key, promise, bodies }
  inFlight.set(hash, entry)
  const settle = () => {
    if (inFlight.get(hash) === entry) inFlight.delete(hash)
  }
  promise.then(settle, settle)
  return promise
}
