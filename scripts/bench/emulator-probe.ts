/**
 * @module
 * The emulator at scale, run in its OWN process with `--expose-gc` (started by `emulator.ts`),
 * so the heap it measures holds nothing of the other benchmarks. It sends text messages the way
 * the SDK does (a fresh UUID `Idempotency-Key` each) straight to `emulator.fetch`, with rate
 * limits off, and prints one JSON line: sends per second with nothing stored and with 100,000
 * stored (manual timing: nothing ever drains; median of alternating rounds), and heap bytes per stored message at 100,000 in
 * manual timing (three status steps waiting per message) and fast timing (every step done).
 */
import { createEmulator } from '@kirim/emulator'
import { rawSendInit, textMessage } from './messages.ts'
import { median } from './stats.ts'

const STORED = 100_000
const TIMED = 2_000
const ROUNDS = 5
const WARM_UP = 3_000
const BODY = JSON.stringify(textMessage)

type Emulator = ReturnType<typeof createEmulator>

const gc = (globalThis as { gc?: () => void }).gc
if (gc === undefined) throw new Error('run with node --expose-gc')

async function send(emulator: Emulator): Promise<void> {
  const response = await emulator.fetch('http://kirim.test/v1/messages', rawSendInit(BODY))
  if (response.status !== 202) throw new Error(`send answered ${response.status}`)
  await response.arrayBuffer()
}

/** Sends `count` messages one after another; returns the sends per second. */
async function sendMany(emulator: Emulator, count: number): Promise<number> {
  const start = performance.now()
  for (let index = 0; index < count; index++) await send(emulator)
  return (count / (performance.now() - start)) * 1000
}

const heapUsed = () => {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

async function manual() {
  const warm = createEmulator({ timing: 'manual', rateLimits: false })
  await sendMany(warm, WARM_UP)
  await warm.close()

  const filled = createEmulator({ timing: 'manual', rateLimits: false })
  const before = heapUsed()
  await sendMany(filled, STORED)
  const bytesPerMessage = (heapUsed() - before) / STORED
  // Rounds alternate between a fresh emulator and the filled one, so drift on a shared
  // machine hits both alike; the median round of each is reported.
  const atZero: number[] = []
  const atStored: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    const fresh = createEmulator({ timing: 'manual', rateLimits: false })
    atZero.push(await sendMany(fresh, TIMED))
    await fresh.close()
    atStored.push(await sendMany(filled, TIMED))
  }
  if (filled.messages().length !== STORED + ROUNDS * TIMED) throw new Error('messages were lost')
  await filled.close()
  return { atZero: median(atZero), atStored: median(atStored), bytesPerMessage }
}

async function fast() {
  const emulator = createEmulator({ timing: 'fast', rateLimits: false })
  const before = heapUsed()
  await sendMany(emulator, STORED)
  // Runs every status step still waiting, so each message has reached `read`.
  await emulator.clock.advance('1s')
  const bytesPerMessage = (heapUsed() - before) / STORED
  if (emulator.messages().at(-1)?.status !== 'read') throw new Error('status steps did not run')
  await emulator.close()
  return { bytesPerMessage }
}

const manualFigures = await manual()
const fastFigures = await fast()
console.log(
  JSON.stringify({
    sendsPerSecondAtZero: Math.round(manualFigures.atZero),
    sendsPerSecondAtStored: Math.round(manualFigures.atStored),
    bytesPerMessageManual: Math.round(manualFigures.bytesPerMessage),
    bytesPerMessageFast: Math.round(fastFigures.bytesPerMessage),
    stored: STORED,
  }),
)
