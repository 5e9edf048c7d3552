/**
 * @module
 * How many message bodies per second `parseSendMessage` checks against every rule of the
 * contract, next to `JSON.stringify` of the same bodies (a cost every send pays anyway).
 */
import { parseSendMessage } from '@kirim/core'
import { everyMessageType, listMessage } from './messages.ts'
import { callsPerSecond } from './stats.ts'

/** Messages per second. */
export interface Throughput {
  readonly sdk: number
  readonly baseline: number
}

/** Throughput over one of each message type in turn, and over the list message alone. */
export function measureValidation(ms = 1500): { mix: Throughput; list: Throughput } {
  const mix = everyMessageType
  for (const body of mix) parseSendMessage(body)
  let sink = 0
  const result = {
    mix: {
      sdk: callsPerSecond((index) => parseSendMessage(mix[index % mix.length]!), ms),
      baseline: callsPerSecond((index) => {
        sink += JSON.stringify(mix[index % mix.length]).length
      }, ms),
    },
    list: {
      sdk: callsPerSecond(() => parseSendMessage(listMessage), ms),
      baseline: callsPerSecond(() => {
        sink += JSON.stringify(listMessage).length
      }, ms),
    },
  }
  // Keeps the baseline's work observable, so it cannot be optimised away.
  if (sink < 0) console.log(sink)
  return result
}
