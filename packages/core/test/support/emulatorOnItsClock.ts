// A manual-clock emulator over real HTTP. Its answers carry `Date` on its own clock, the time its
// `X-RateLimit-Reset` counts from, as Kirim stamps its answers with its own.
import { createEmulator } from '@kirim/emulator'
import { serve } from '@kirim/emulator/node'

type EmulatorOptions = NonNullable<Parameters<typeof createEmulator>[0]>

/** A manual-clock emulator on a free port of 127.0.0.1, and a sendMany clock that drives it. */
export const startEmulatorOnItsClock = async (options: EmulatorOptions = {}) => {
  const emulator = createEmulator({ ...options, timing: 'manual' })
  const server = await serve(emulator, { port: 0, host: '127.0.0.1' })
  const { url } = server
  /** Moves the emulator's clock over HTTP (`POST /_emulator/clock { advance }`). */
  const advance = async (ms: number) => {
    const response = await fetch(`${url}/_emulator/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advance: ms }),
    })
    if (!response.ok) throw new Error(`POST /_emulator/clock: ${response.status}`)
    await response.arrayBuffer()
  }
  return {
    emulator,
    url,
    advance,
    /**
     * A sendMany clock on the emulator's time, `offset` ms off it (a skewed local clock):
     * waiting is advancing the emulator.
     */
    clock: (offset = 0) => ({
      now: () => emulator.clock.now() + offset,
      sleep: async (ms: number, signal?: AbortSignal) => {
        signal?.throwIfAborted()
        await advance(ms)
      },
    }),
    close: async () => {
      await server.close()
      await emulator.close()
    },
  }
}
