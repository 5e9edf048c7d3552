import type { Timing } from '../options.ts'

/** When each status step falls due (ms after acceptance) and how retries are scaled. */
export interface TimingProfile {
  readonly sentAfter: number
  readonly deliveredAfter: number
  readonly readAfter: number
  /** Multiplies the webhook retry schedule (1/1000 in fast timing). */
  readonly retryScale: number
  /** Whether a real timer drives the scheduler (not in manual timing). */
  readonly automatic: boolean
}

export function timingProfile(timing: Timing): TimingProfile {
  if (timing === 'fast') {
    return {
      sentAfter: 30,
      deliveredAfter: 60,
      readAfter: 90,
      retryScale: 1 / 1000,
      automatic: true,
    }
  }
  return {
    sentAfter: 1000,
    deliveredAfter: 2000,
    readAfter: 4000,
    retryScale: 1,
    automatic: timing === 'realistic',
  }
}
