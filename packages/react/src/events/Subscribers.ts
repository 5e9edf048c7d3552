/** Wraps `release` so that calling it more than once counts once. */
const once = (release: () => void): (() => void) => {
  let released = false
  return () => {
    if (released) return
    released = true
    release()
  }
}

/**
 * Who holds the status stream open, counted: `onActive` runs when the first hold is taken,
 * `onIdle` when the last one is let go and nobody took a new one by the next microtask, so a
 * component that unmounts and mounts again at once (as under `StrictMode`) keeps the connection.
 * Among the holds, the message ids being watched, each counted too.
 */
export class Subscribers {
  readonly #onActive: () => void
  readonly #onIdle: () => void
  #holds = 0
  #active = false
  readonly #watched = new Map<string, number>()

  constructor(onActive: () => void, onIdle: () => void) {
    this.#onActive = onActive
    this.#onIdle = onIdle
  }

  /** Takes a hold until the returned function is called (again and again counts once). */
  hold(): () => void {
    this.#holds++
    if (!this.#active) {
      this.#active = true
      this.#onActive()
    }
    return once(() => {
      this.#holds--
      if (this.#holds > 0) return
      queueMicrotask(() => {
        if (this.#holds > 0 || !this.#active) return
        this.#active = false
        this.#onIdle()
      })
    })
  }

  /** {@link hold}, with message `id` among the watched ones until the hold is let go. */
  watch(id: string): () => void {
    const release = this.hold()
    this.#watched.set(id, (this.#watched.get(id) ?? 0) + 1)
    return once(() => {
      const count = (this.#watched.get(id) ?? 1) - 1
      if (count === 0) this.#watched.delete(id)
      else this.#watched.set(id, count)
      release()
    })
  }

  /** The ids watched right now, each once. */
  watched(): IterableIterator<string> {
    return this.#watched.keys()
  }
}
