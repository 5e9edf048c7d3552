import type { Timing } from '../options.ts'

/**
 * The emulator's notion of "now". In `fast` and `realistic` timing it follows the real
 * clock from its start point (plus whatever was advanced); in `manual` it stands still
 * until moved.
 */
export interface TimeSource {
  now(): number
  /** Moves time forward by `ms` (never backwards). */
  moveBy(ms: number): void
  /** Moves time forward to `time` if that is later than now (manual timing only). */
  moveTo(time: number): void
}

export function createTimeSource(timing: Timing, start: number | undefined): TimeSource {
  if (timing === 'manual') {
    let current = start ?? Date.now()
    return {
      now: () => current,
      moveBy: (ms) => {
        current += Math.max(0, ms)
      },
      moveTo: (time) => {
        current = Math.max(current, time)
      },
    }
  }
  let offset = start === undefined ? 0 : start - Date.now()
  return {
    now: () => Date.now() + offset,
    moveBy: (ms) => {
      offset += Math.max(0, ms)
    },
    // Real time keeps moving on its own; tasks simply run once it has passed them.
    moveTo: () => {},
  }
}
