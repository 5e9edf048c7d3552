import { abortable } from './abortable.ts'

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts (and drops the timer). */
export const sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
  let timer: ReturnType<typeof setTimeout> | undefined
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms)
  })
  return abortable(waited, signal, () => clearTimeout(timer))
}
