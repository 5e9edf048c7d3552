// Test harness: the emulator served over real HTTP, and a fetch that counts what it sends.
import { createEmulator } from '@kirim/emulator'
import { serve } from '@kirim/emulator/node'

/** The emulator's default API key (the default organisation). */
export const emulatorApiKey = 'kdv_live_emulatoremulatoremulator'
/** The default organisation's one connected number. */
export const emulatorNumber = '+628511760008029'

type EmulatorOptions = NonNullable<Parameters<typeof createEmulator>[0]>

/** A request as it left the client: method, path and the headers that matter to the tests. */
export interface SentRequest {
  readonly method: string
  readonly path: string
  readonly idempotencyKey: string | null
  readonly authorization: string | null
  readonly at: number
  /** The response status, once it came (undefined for a request that failed or is in flight). */
  status?: number
}

/**
 * A `fetch` that passes every call to the real global `fetch` and records it: the way to prove
 * how many requests went out (and that none did, for invalid input).
 */
export const countingFetch = () => {
  const sent: SentRequest[] = []
  const fetch: typeof globalThis.fetch = async (input, init) => {
    // Never `new Request(request)`: it would take the body away from the request being sent.
    const request = input instanceof Request ? input : new Request(input, init)
    const url = new URL(request.url)
    const entry: SentRequest = {
      method: request.method,
      path: url.pathname + url.search,
      idempotencyKey: request.headers.get('idempotency-key'),
      authorization: request.headers.get('authorization'),
      at: performance.now(),
    }
    sent.push(entry)
    const response = await globalThis.fetch(input, init)
    entry.status = response.status
    return response
  }
  return { fetch, sent, count: () => sent.length }
}

/** The emulator on a free port of 127.0.0.1, with helpers for its control API. */
export const startEmulator = async (options: EmulatorOptions = {}) => {
  const emulator = createEmulator({ timing: 'fast', ...options })
  const server = await serve(emulator, { port: 0, host: '127.0.0.1' })
  const url = server.url
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await globalThis.fetch(`${url}/_emulator/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!response.ok)
      throw new Error(`${method} /_emulator/${path}: ${response.status} ${await response.text()}`)
    return response.json() as Promise<{ data?: unknown }>
  }
  return {
    emulator,
    url,
    /** Injects a fault (`POST /_emulator/faults`). */
    fault: (fault: {
      kind: '500' | '503' | '429' | 'latency' | 'drop_before' | 'drop_after'
      count?: number
      rate?: number
      latencyMs?: number
      retryAfter?: number
      path?: string
    }) => control('POST', 'faults', fault),
    clearFaults: () => control('DELETE', 'faults'),
    /** Every stored message, oldest first (`GET /_emulator/messages`): the exactly-once witness. */
    stored: async () =>
      ((await control('GET', 'messages')).data ?? []) as Array<{
        id: string
        to: string
        status: string
        idempotency_key: string | null
        [key: string]: unknown
      }>,
    reset: () => control('POST', 'reset'),
    close: async () => {
      await server.close()
      await emulator.close()
    },
  }
}

export type RunningEmulator = Awaited<ReturnType<typeof startEmulator>>
