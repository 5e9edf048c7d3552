/**
 * @module The machinery of `kirim.messages.sendMany`, loaded on its first call (a dynamic
 * `import()`), so that an app sending one message at a time does not carry it. It imports
 * nothing of the package at run time: the client's parts come in through the port.
 */
import type { attempt } from '../../http/transport.ts'
import type { SendMessageBody } from '../../schemas/index.ts'
import { batchKey } from './batchKey.ts'
import { DEFAULT_CONCURRENCY, sendManyIssues } from './options.ts'
import { type PortParts, portOf } from './port.ts'
import { RateLimitPacer } from './RateLimitPacer.ts'
import type {
  SendManyBodies,
  SendManyItemResult,
  SendManyOptions,
  SendManyProgress,
  SendManyResult,
} from './types.ts'

/** What the paced attempts of one item know about it. */
interface ItemAttempts {
  /** The reader already waited for the pacer on behalf of the first attempt. */
  acquired: boolean
  /** An attempt ended with no answer: it may have reached Kirim, so a replay may be its own. */
  unanswered: boolean
  /** Kirim's accepted answer replayed a send of an earlier run. */
  replayed: boolean
}

/**
 * Sends every body of `bodies` with the key `batchKey(batch, index)`, at most `concurrency` at
 * once, each attempt paced by the rate limit. See `Messages#sendMany` for the contract; the
 * system clock is the default `clock`.
 */
export async function sendMany(
  parts: PortParts,
  bodies: SendManyBodies,
  options: SendManyOptions,
): Promise<SendManyResult> {
  const port = portOf(parts)
  const { http, from, checkSendBody, ValidationError, KirimError, abortedError } = port
  const issues = sendManyIssues(port, bodies, options)
  if (issues.length > 0) throw new ValidationError(issues, 'sendMany call')
  const {
    batch,
    concurrency = DEFAULT_CONCURRENCY,
    signal,
    onProgress,
    timeout,
    maxRetries,
    clock = { now: () => Date.now(), sleep: port.sleep },
  } = options
  const pacer = new RateLimitPacer(clock, port)
  const total = Array.isArray(bodies) ? bodies.length : undefined
  const results: SendManyItemResult[] = []
  let sent = 0
  let replayed = 0
  let failed = 0
  const inFlight = new Set<Promise<void>>()
  // Besides the signal, what ends the broadcast early: a refused credential (every later item
  // would meet it), or an error that is no item's failure (a bug, a throwing onProgress, the
  // source's own error), which `sendMany` rejects with once the items in flight settle.
  let refused = false
  let fatal: { readonly error: unknown } | undefined
  const stopping = () => signal?.aborted === true || refused || fatal !== undefined

  const progress = (): SendManyProgress => {
    const done = sent + replayed + failed
    return total === undefined
      ? { done, sent, replayed, failed }
      : { done, sent, replayed, failed, total }
  }

  const settle = (result: SendManyItemResult): void => {
    results[result.index] = result
    if (result.error) {
      failed++
      // An AuthenticationError: Kirim refused the credential.
      if (result.error.status === 401) refused = true
    } else if (result.replayed) replayed++
    else sent++
    if (!onProgress || fatal) return
    try {
      onProgress(progress(), result)
    } catch (error) {
      fatal = { error }
    }
  }

  // Every attempt of an item waits for the pacer (the first one in the reader, in index order),
  // and a 429 sends it back to wait without using up one of its retries.
  const pacedAttempt =
    (item: ItemAttempts): typeof attempt =>
    async (url, init, attemptOptions) => {
      for (;;) {
        if (item.acquired) item.acquired = false
        else {
          try {
            await pacer.acquire(signal)
          } catch (error) {
            throw signal?.aborted ? abortedError(attemptOptions.target, signal) : error
          }
        }
        let exchange: Awaited<ReturnType<typeof attempt>>
        try {
          exchange = await port.attempt(url, init, attemptOptions)
        } catch (error) {
          pacer.settle(undefined)
          item.unanswered = true
          throw error
        }
        const { response } = exchange
        pacer.settle(response)
        if (response.status !== 429) {
          item.replayed = !item.unanswered && response.headers.get('idempotent-replayed') === 'true'
          return exchange
        }
      }
    }

  const launch = (index: number, json: SendMessageBody): void => {
    const item: ItemAttempts = { acquired: true, unanswered: false, replayed: false }
    const task: Promise<void> = http
      .request({
        method: 'POST',
        path: 'v1/messages',
        schema: port.MessageEnvelopeSchema,
        what: 'message',
        // No signal: a request on the wire is never cut, so its outcome is always known.
        options: { timeout, maxRetries },
        json,
        idempotencyKey: batchKey(batch, index),
        attempt: pacedAttempt(item),
      })
      .then(
        ({ data }) => settle({ index, message: data, replayed: item.replayed }),
        (error: unknown) => {
          if (error instanceof KirimError) settle({ index, error })
          else fatal ??= { error }
        },
      )
      .finally(() => inFlight.delete(task))
    inFlight.add(task)
  }

  const source =
    Symbol.asyncIterator in bodies
      ? bodies[Symbol.asyncIterator]()
      : (bodies as Iterable<SendMessageBody>)[Symbol.iterator]()
  let stoppedAt: number | undefined
  try {
    for (let index = 0; ; index++) {
      if (stopping()) {
        stoppedAt = index
        break
      }
      const next = await source.next()
      if (next.done) break
      const { output, issues } = checkSendBody(next.value, from)
      if (!output) {
        settle({ index, error: new ValidationError(issues, `message ${index}`) })
        continue
      }
      try {
        while (inFlight.size >= concurrency) await port.abortable(Promise.race(inFlight), signal)
        await pacer.acquire(signal)
      } catch (error) {
        if (!signal?.aborted) throw error
        stoppedAt = index
        break
      }
      if (stopping()) {
        pacer.release()
        stoppedAt = index
        break
      }
      launch(index, output)
    }
    if (stoppedAt !== undefined) await source.return?.()
  } catch (error) {
    fatal ??= { error }
  } finally {
    await Promise.all(inFlight)
  }
  if (fatal) throw fatal.error
  const counts = progress()
  return stoppedAt === undefined ? { ...counts, results } : { ...counts, results, stoppedAt }
}
