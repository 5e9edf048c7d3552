// The emulator over real HTTP with a `Date` header on the emulator's own clock, as Kirim stamps
// its answers with its own. The emulator's `serve` leaves `Date` to Node, which writes the real
// time: under the manual clock that is another clock than `X-RateLimit-Reset`'s.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getRequestListener } from '@hono/node-server'
import { createEmulator } from '@kirim/emulator'

type EmulatorOptions = NonNullable<Parameters<typeof createEmulator>[0]>

/** A manual-clock emulator on a free port of 127.0.0.1, and a sendMany clock that drives it. */
export const startEmulatorOnItsClock = async (options: EmulatorOptions = {}) => {
  const emulator = createEmulator({ ...options, timing: 'manual' })
  const server = createServer(
    getRequestListener(async (request) => {
      const answer = await emulator.fetch(request)
      const headers = new Headers(answer.headers)
      headers.set('date', new Date(emulator.clock.now()).toUTCString())
      return new Response(answer.body, { status: answer.status, headers })
    }),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
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
      const closed = new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      )
      server.closeAllConnections()
      await closed
      await emulator.close()
    },
  }
}
