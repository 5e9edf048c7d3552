/**
 * @module
 * Client-side CPU per send, `kirim.messages.send` vs a raw `fetch` doing the same POST,
 * against a local server in another process. Both sides parse the answer; the SDK also
 * validates the body and the response, makes the idempotency key and handles retries: that is
 * what is being priced. `ky` alone (the SDK's HTTP layer, same POST) is measured too, to show
 * how much of the difference is ky's and how much the SDK's own.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Kirim } from '@kirim/core'
import { API_KEY, rawSendInit, textMessage } from './messages.ts'
import { coreDir } from './paths.ts'
import { median } from './stats.ts'

/** Microseconds of this process's CPU (user + system) per send. */
export interface CpuPerSend {
  readonly sdk: number
  readonly ky: number
  readonly raw: number
}

interface KyInstance {
  post(
    input: string,
    options: { json: unknown; headers: Record<string, string> },
  ): { json(): Promise<unknown> }
}

/** The `ky` that `@kirim/core` itself resolves. */
async function loadKy(): Promise<{
  create(options: { baseUrl: string; headers: Record<string, string> }): KyInstance
}> {
  const path = createRequire(join(coreDir, 'package.json')).resolve('ky')
  return ((await import(pathToFileURL(path).href)) as { default: never }).default
}

/** Starts `server.ts` in a child process and resolves its base URL. */
async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const script = fileURLToPath(new URL('./server.ts', import.meta.url))
  const child = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'inherit'] })
  const [line] = (await once(child.stdout!, 'data')) as [Buffer]
  const { port } = JSON.parse(line.toString()) as { port: number }
  return { url: `http://127.0.0.1:${port}`, child }
}

/** CPU microseconds `send` costs per call, over `count` sequential calls. */
async function cpuPerCall(count: number, send: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage()
  for (let index = 0; index < count; index++) await send()
  const spent = process.cpuUsage(before)
  return (spent.user + spent.system) / count
}

/**
 * Warms every path up, then alternates rounds of `perRound` sends (SDK, ky, raw, SDK …)
 * so drift on a shared machine hits all alike; reports the median round of each.
 */
export async function measureCpuPerSend(
  rounds = 9,
  perRound = 500,
  warmUp = 400,
): Promise<CpuPerSend> {
  const { url, child } = await startServer()
  try {
    const kirim = new Kirim({ apiKey: API_KEY, baseUrl: url })
    const sdkSend = () => kirim.messages.send(textMessage)
    const rawSend = async () => {
      const response = await fetch(`${url}/v1/messages`, rawSendInit(JSON.stringify(textMessage)))
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      return ((await response.json()) as { data: unknown }).data
    }
    const client = (await loadKy()).create({
      baseUrl: url,
      headers: { authorization: `Bearer ${API_KEY}` },
    })
    const kySend = () =>
      client
        .post('v1/messages', {
          json: textMessage,
          headers: { 'idempotency-key': crypto.randomUUID() },
        })
        .json()
    const paths = { sdk: sdkSend, ky: kySend, raw: rawSend }
    const spent = { sdk: [] as number[], ky: [] as number[], raw: [] as number[] }
    for (const send of Object.values(paths)) await cpuPerCall(warmUp, send)
    for (let round = 0; round < rounds; round++) {
      for (const [name, send] of Object.entries(paths))
        spent[name as keyof typeof paths].push(await cpuPerCall(perRound, send))
    }
    return { sdk: median(spent.sdk), ky: median(spent.ky), raw: median(spent.raw) }
  } finally {
    child.stdin?.end()
    child.kill()
  }
}
