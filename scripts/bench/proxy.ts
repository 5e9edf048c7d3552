/**
 * @module
 * Sends per second through the token-minting proxy vs straight to the emulator. The emulator is
 * served over real HTTP in both cases; through the proxy the client's `fetch` is the proxy's
 * in-process handler, which verifies the token, validates the body, enforces the scope and
 * forwards upstream with the API key. The difference is the proxy's cost.
 */
import { Kirim } from '@kirim/core'
import { createProxy } from '@kirim/core/proxy'
import { createEmulator } from '@kirim/emulator'
import { serve } from '@kirim/emulator/node'
import { API_KEY } from './messages.ts'
import { median, sendsPerSecond } from './stats.ts'

const PROXY_ORIGIN = 'http://proxy.local'

/** Sends per second. */
export interface ProxyThroughput {
  readonly proxy: number
  readonly direct: number
}

/**
 * Alternates rounds (direct, proxy, direct, proxy …) against one emulator with rate limits
 * off and the clock stopped (no status timers), and reports the median round of each.
 */
export async function measureProxy(
  rounds = 3,
  perRound = 600,
  concurrency = 8,
): Promise<ProxyThroughput> {
  const emulator = createEmulator({ timing: 'manual', rateLimits: false })
  const server = await serve(emulator, { port: 0, host: '127.0.0.1' })
  try {
    const proxy = createProxy({
      apiKey: API_KEY,
      baseUrl: server.url,
      tokenSecret: crypto.randomUUID() + crypto.randomUUID(),
      authorize: async () => ({ subject: 'bench' }),
    })
    const viaProxy = new Kirim({
      tokenUrl: `${PROXY_ORIGIN}/api/kirim/token`,
      baseUrl: `${PROXY_ORIGIN}/api/kirim`,
      fetch: (input, init) => proxy.fetch(new Request(input, init)),
    })
    const direct = new Kirim({ apiKey: API_KEY, baseUrl: server.url })
    await sendsPerSecond(direct, 100, concurrency)
    await sendsPerSecond(viaProxy, 100, concurrency)
    const directRates: number[] = []
    const proxyRates: number[] = []
    for (let round = 0; round < rounds; round++) {
      directRates.push(await sendsPerSecond(direct, perRound, concurrency))
      proxyRates.push(await sendsPerSecond(viaProxy, perRound, concurrency))
    }
    return { proxy: median(proxyRates), direct: median(directRates) }
  } finally {
    await server.close()
    await emulator.close()
  }
}
