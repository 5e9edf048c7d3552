import TinyQueue from 'tinyqueue'
import type { TimeSource } from './time-source.ts'

type TaskRun<T> = (value: T) => void | Promise<void>

interface Task {
  readonly due: number
  readonly seq: number
  readonly run: TaskRun<never>
  /** Handed to `run`: lets many tasks share one function instead of a closure each. */
  readonly value: unknown
  /** Cancelled, or taken to run: either way no longer waiting. */
  done: boolean
}

/** Earlier due time first; the same due time in the order scheduled. */
const byDueThenSeq = (a: Task, b: Task): number => a.due - b.due || a.seq - b.seq

const newQueue = () => new TinyQueue<Task>([], byDueThenSeq)

/**
 * The one timer of the emulator: tasks due at times on the emulator clock. In `fast` and
 * `realistic` timing a real `setTimeout` wakes it for the earliest task; in `manual` only
 * {@link Scheduler.advance} runs tasks, in order of due time, each able to schedule more.
 *
 * Tasks wait in a binary heap (tinyqueue): manual timing never drains it, so scheduling must
 * cost O(log n) with 100,000 messages waiting, not the O(n) of a sorted array. Cancelled
 * tasks stay in the heap, marked, and are dropped when they reach the top.
 */
export class Scheduler {
  readonly #time: TimeSource
  readonly #automatic: boolean
  readonly #onError: (error: unknown) => void
  #tasks = newQueue()
  #live = 0
  #seq = 0
  #timer: ReturnType<typeof setTimeout> | undefined
  #timerDue = Number.POSITIVE_INFINITY
  readonly #pending = new Set<Promise<void>>()
  #advancing: Promise<void> = Promise.resolve()
  #closed = false

  constructor(time: TimeSource, automatic: boolean, onError: (error: unknown) => void) {
    this.#time = time
    this.#automatic = automatic
    this.#onError = onError
  }

  /** Number of tasks waiting. */
  get size(): number {
    return this.#live
  }

  /**
   * Runs `run(value)` once the emulator clock reaches `due`. Returns a cancel function.
   * Passing `value` rather than capturing it keeps a waiting task small (no closure).
   */
  schedule(due: number, run: () => void | Promise<void>): () => void
  schedule<T>(due: number, run: TaskRun<T>, value: T): () => void
  schedule<T>(due: number, run: TaskRun<T>, value?: T): () => void {
    if (this.#closed) return () => {}
    const task: Task = { due, seq: this.#seq++, run: run as TaskRun<never>, value, done: false }
    const tasks = this.#tasks
    tasks.push(task)
    this.#live++
    this.#arm()
    return () => {
      if (task.done || tasks !== this.#tasks) return
      task.done = true
      this.#live--
    }
  }

  /** Keeps `close()` and `advance()` waiting for work started outside a task. */
  track(promise: Promise<unknown>): void {
    const settled = promise.then(
      () => {},
      (error: unknown) => this.#onError(error),
    )
    this.#pending.add(settled)
    void settled.then(() => this.#pending.delete(settled))
  }

  /**
   * Moves the emulator clock forward by `ms` and runs, in order, every task that falls
   * due on the way (including those they schedule), then waits for the work they started.
   */
  advance(ms: number): Promise<void> {
    const run = this.#advancing.then(() => this.#advance(ms))
    this.#advancing = run.catch(() => {})
    return run
  }

  async #advance(ms: number): Promise<void> {
    if (this.#automatic) {
      this.#time.moveBy(ms)
      this.#timerDue = Number.POSITIVE_INFINITY
      this.#clearTimer()
      for (;;) {
        this.#startDue()
        if (this.#pending.size === 0) break
        await Promise.all(this.#pending)
      }
      this.#arm()
      return
    }
    const target = this.#time.now() + ms
    for (;;) {
      const next = this.#next()
      if (next === undefined || next.due > target || this.#closed) break
      this.#take()
      this.#time.moveTo(next.due)
      await this.#runTask(next)
      await this.#drain()
    }
    this.#time.moveTo(target)
    await this.#drain()
  }

  /** Drops every waiting task (used by reset). Work already started goes on. */
  clear(): void {
    this.#tasks = newQueue()
    this.#live = 0
    this.#clearTimer()
  }

  /** Stops the timer, drops every task and waits for started work to settle. */
  async close(): Promise<void> {
    this.#closed = true
    this.clear()
    await this.#drain()
  }

  async #drain(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all(this.#pending)
  }

  async #runTask(task: Task): Promise<void> {
    try {
      await task.run(task.value as never)
    } catch (error) {
      this.#onError(error)
    }
  }

  #startDue(): void {
    const now = this.#time.now()
    for (;;) {
      const next = this.#next()
      if (next === undefined || next.due > now || this.#closed) return
      this.#take()
      this.track(this.#runTask(next))
    }
  }

  /** The earliest task still wanted, dropping cancelled ones on the way. */
  #next(): Task | undefined {
    for (;;) {
      const top = this.#tasks.peek()
      if (top === undefined || !top.done) return top
      this.#tasks.pop()
    }
  }

  /** Removes the task {@link Scheduler.#next} returned. */
  #take(): void {
    const task = this.#tasks.pop()!
    task.done = true
    this.#live--
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer)
    this.#timer = undefined
    this.#timerDue = Number.POSITIVE_INFINITY
  }

  #arm(): void {
    if (!this.#automatic || this.#closed) return
    const next = this.#next()
    if (next === undefined) {
      this.#clearTimer()
      return
    }
    if (this.#timer !== undefined && this.#timerDue <= next.due) return
    this.#clearTimer()
    this.#timerDue = next.due
    // setTimeout caps at 2^31-1 ms; a longer wait just re-arms when it fires.
    const delay = Math.min(2 ** 31 - 1, Math.max(0, next.due - this.#time.now()))
    this.#timer = setTimeout(() => {
      this.#timer = undefined
      this.#timerDue = Number.POSITIVE_INFINITY
      this.#startDue()
      this.#arm()
    }, delay)
  }
}
