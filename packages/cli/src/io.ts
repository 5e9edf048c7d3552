/** Where a command reads and writes: the process's own, or a test's. */
export interface Io {
  readonly stdout: NodeJS.WritableStream & { readonly isTTY?: boolean }
  readonly stderr: NodeJS.WritableStream & { readonly isTTY?: boolean }
  readonly stdin: NodeJS.ReadableStream
  readonly env: Readonly<Record<string, string | undefined>>
  /** Calls `handler` on each Ctrl-C (SIGINT) until the returned function is called. */
  onInterrupt(handler: () => void): () => void
}

/** The exit codes of `kirim`. */
export const EXIT = {
  /** Every message was sent (or replayed). */
  ok: 0,
  /** Some item was invalid, refused, failed, or came back failed. */
  failed: 1,
  /** The command was used wrongly: see its `--help`. */
  usage: 2,
  /** Stopped by Ctrl-C: run the same command again to send the rest. */
  interrupted: 130,
} as const

/** Writes `text` and a newline. */
export const line = (stream: NodeJS.WritableStream, text = ''): void => {
  stream.write(`${text}\n`)
}
