/**
 * @module
 * Sends per second of `kirim.messages.sendMany` vs a hand-written `Promise.all` pool over
 * `messages.send` with the same concurrency, against the emulator served over real HTTP with
 * rate limits off (an unlimited tier): what sendMany's pacing, keys and bookkeeping cost.
 */
import { Kirim } from '@kirim/core'
import { createEmulator } from '@kirim/emulator'
import { serve } from '@kirim/emulator/node'
import { textMessage } from './messages.ts'
import { median, sendsPerSecond } from './stats.ts'

/** Sends per second, each way, and the concurrency both used. */
export interface SendManyThroughput {
  readonly sendMany: number
  readonly promiseAll: number
  readonly concurrency: number
}

/** `count` sends through one `sendMany` call (a fresh batch, so nothing is replayed). */
async function sendManyRate(kirim: Kirim, count: number, concurrency: number): Promise<number> {
  const bodies = Array.from({ length: count }, () => textMessage)
  const start = performance.now()
  const result = await kirim.messages.sendMany(bodies, {
    batch: `bench-${crypto.randomUUID()}`,
    concurrency,
  })
  const elapsed = performance.now() - start
  if (result.sent !== count) throw new Error(`sendMany sent ${result.sent} of ${count}`)
  return (count / elapsed) * 1000
}

/**
 * Alternates rounds (Promise.all, sendMany, …) against one emulator with rate limits off and
 * the clock stopped (no status timers), and reports the median round of each.
 */
export async function measureSendMany(
  rounds = 5,
  perRound = 600,
  concurrency = 8,
): Promise<SendManyThroughput> {
  const emulator = createEmulator({ timing: 'manual', rateLimits: false })
  const server = await serve(emulator, { port: 0, host: '127.0.0.1' })
  try {
    const kirim = new Kirim({ apiKey: 'kdv_live_emulatoremulatoremulator', baseUrl: server.url })
    await sendsPerSecond(kirim, 100, concurrency)
    await sendManyRate(kirim, 100, concurrency)
    const promiseAll: number[] = []
    const sendMany: number[] = []
    for (let round = 0; round < rounds; round++) {
      promiseAll.push(await sendsPerSecond(kirim, perRound, concurrency))
      sendMany.push(await sendManyRate(kirim, perRound, concurrency))
    }
    return { sendMany: median(sendMany), promiseAll: median(promiseAll), concurrency }
  } finally {
    await server.close()
    await emulator.close()
  }
}
