/**
 * @module
 * Small measuring helpers shared by the benchmarks.
 */
import type { Kirim } from '@kirim/core'
import { textMessage } from './messages.ts'

/**
 * Runs `count` sends of a text through `concurrency` workers that each await
 * `messages.send` in turn (a `Promise.all` pool), and returns the sends per second.
 */
export async function sendsPerSecond(
  kirim: Kirim,
  count: number,
  concurrency: number,
): Promise<number> {
  let next = 0
  const worker = async () => {
    while (next < count) {
      next++
      const message = await kirim.messages.send(textMessage)
      if (message.status !== 'pending') throw new Error(`send answered ${message.status}`)
    }
  }
  const start = performance.now()
  await Promise.all(Array.from({ length: concurrency }, worker))
  return (count / (performance.now() - start)) * 1000
}

/** The middle value (mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  if (sorted.length === 0) throw new Error('median of nothing')
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/**
 * Calls `work(i)` synchronously for `ms` milliseconds (after as long a warm-up as `warmUpMs`)
 * and returns the calls per second. Time is read every 256 calls, so reading it costs nothing.
 */
export function callsPerSecond(
  work: (index: number) => unknown,
  ms: number,
  warmUpMs = ms / 4,
): number {
  const spin = (duration: number) => {
    let calls = 0
    const start = performance.now()
    let elapsed = 0
    while (elapsed < duration) {
      for (let batch = 0; batch < 256; batch++) work(calls++)
      elapsed = performance.now() - start
    }
    return (calls / elapsed) * 1000
  }
  spin(warmUpMs)
  return spin(ms)
}
