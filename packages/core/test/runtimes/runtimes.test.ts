/**
 * The shared scenario (`scenario.ts`), bundled against the BUILT `@kirim/core`, runs in Node,
 * Deno, Bun, workerd (miniflare) and Vercel Edge (`edge-runtime`), each against an emulator
 * served over real HTTP from this process. Every runtime must return the same answer.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { createEmulator } from '@kirim/emulator'
import { serve } from '@kirim/emulator/node'
import { EdgeRuntime } from 'edge-runtime'
import { Miniflare } from 'miniflare'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { ensureBuilt, packageDir, repoRoot } from '../packaging/dist.ts'
import { bundleScenario, type ScenarioBundles } from './bundle.ts'
import { RESULT_PREFIX } from './entries/cli.ts'
import type { ScenarioResult } from './scenario.ts'

const run = promisify(execFile)
const API_KEY = 'kdv_live_emulatoremulatoremulator'
const OPEN_WINDOW = '+628111111111'
const CLOSED_WINDOW = '+628122222222'
/** workerd refuses compatibility dates past its own build; this one is well inside. */
const COMPATIBILITY_DATE = '2025-09-01'
/** Runtimes start slowly on a shared 2-core machine. */
const RUNTIME_TIMEOUT = 90_000

let workDir: string
let bundles: ScenarioBundles
let emulator: { url: string; stored(): number; close(): Promise<void> }

/**
 * Messages one run leaves in the emulator, counted in THIS process (not as the runtime reports
 * it): 9 types, the closed-window failure, two 4096-code-point texts, one through each fault,
 * and the broadcast's two valid bodies.
 */
const STORED_PER_RUN = 16

beforeAll(async () => {
  await ensureBuilt(packageDir('core'))
  workDir = await mkdtemp(join(tmpdir(), 'kirim-runtimes-'))
  bundles = await bundleScenario(workDir)
}, RUNTIME_TIMEOUT)

test('the module bundles load sendMany from its own chunk, with a real dynamic import', () => {
  for (const runtime of ['node', 'deno', 'bun', 'workerd'] as const) {
    expect(bundles[runtime].lazy).toHaveLength(1)
  }
})

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true })
})

// One emulator per runtime: faults and stored messages of one run cannot leak into the next.
beforeEach(async () => {
  // `manual` timing: statuses stay `pending`, so the read-back is the same in every runtime.
  const instance = createEmulator({ timing: 'manual' })
  const server = await serve(instance, { port: 0, host: '127.0.0.1' })
  emulator = {
    url: server.url,
    stored: () => instance.messages().length,
    async close() {
      await server.close()
      await instance.close()
    },
  }
})

afterEach(async () => {
  await emulator.close()
})

interface RuntimeOutput {
  readonly runtime: string
  readonly result?: ScenarioResult
  readonly error?: unknown
}

/** What every runtime must answer, computed from the emulator with raw `fetch`, not the SDK. */
async function expectedResult(): Promise<ScenarioResult> {
  const headers = { authorization: `Bearer ${API_KEY}` }
  const firstPage = (await (await fetch(`${emulator.url}/v1/templates`, { headers })).json()) as {
    data: unknown[]
    has_more: boolean
  }
  let total = 0
  let cursor: string | null = null
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
    const response = await fetch(`${emulator.url}/v1/templates?limit=100${query}`, { headers })
    const page = (await response.json()) as { data: unknown[]; next_cursor: string | null }
    total += page.data.length
    cursor = page.next_cursor
  } while (cursor)

  const pending = (type: string) => ({ status: 'pending', type, to: OPEN_WINDOW })
  return {
    sent: {
      text: pending('text'),
      template: pending('template'),
      image: pending('image'),
      document: pending('document'),
      video: pending('video'),
      audio: pending('audio'),
      'interactive/cta_url': pending('interactive'),
      'interactive/list': pending('interactive'),
      'interactive/button': pending('interactive'),
    },
    sentIds: { wellFormed: true, distinct: true, requests: 9 },
    readBack: { ...pending('text'), sameId: true },
    templates: {
      firstPageSize: firstPage.data.length,
      firstPageHasMore: firstPage.has_more,
      total,
      distinct: total,
    },
    failed: {
      status: 'failed',
      type: 'text',
      to: CLOSED_WINDOW,
      code: 'outside_24h_window',
      providerCode: 131047,
    },
    validation: {
      atLimit: 'pending',
      atLimitAstral: 'pending',
      overLimit: 'ValidationError',
      isKirimError: true,
      paths: ['text.body'],
      requests: 0,
    },
    retryAfter503: {
      status: 'pending',
      requests: 2,
      sameIdempotencyKey: true,
      stored: 1,
      sameId: true,
      waitedRetryAfter: true,
    },
    retryAfterDrop: {
      status: 'pending',
      requests: 2,
      sameIdempotencyKey: true,
      stored: 1,
      sameId: true,
    },
    broadcast: {
      first: { sent: 2, replayed: 0, failed: 1 },
      second: { sent: 0, replayed: 2, failed: 1 },
      invalidPaths: ['to'],
      keys: ['<batch>:0', '<batch>:2'],
      stored: 2,
    },
  }
}

/** Runs a command-line runtime on its bundle and parses the line the entry printed. */
async function runCli(command: string, args: readonly string[]): Promise<RuntimeOutput> {
  // A small, explicit environment: nothing of the test process (NODE_OPTIONS, loaders) leaks in.
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? workDir,
    TMPDIR: tmpdir(),
    NO_COLOR: '1',
    DENO_NO_UPDATE_CHECK: '1',
  }
  let stdout: string
  let stderr: string
  try {
    ;({ stdout, stderr } = await run(command, [...args], {
      cwd: workDir,
      env,
      timeout: RUNTIME_TIMEOUT,
      maxBuffer: 16 * 1024 * 1024,
    }))
  } catch (error) {
    ;({ stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string })
    if (!stdout.includes(RESULT_PREFIX)) {
      throw new Error(`${command} failed without an answer:\n${stderr}`, { cause: error })
    }
  }
  const line = stdout.split('\n').find((candidate) => candidate.startsWith(RESULT_PREFIX))
  if (!line)
    throw new Error(`${command} printed no answer.\nstdout:\n${stdout}\nstderr:\n${stderr}`)
  return JSON.parse(line.slice(RESULT_PREFIX.length)) as RuntimeOutput
}

/** The runtime's answer is the expected one, and the emulator holds exactly one run's messages. */
function expectRun(output: RuntimeOutput, runtime: unknown, result: ScenarioResult): void {
  expect(output).toEqual({ runtime, result })
  expect(emulator.stored()).toBe(STORED_PER_RUN)
}

describe('the shared scenario runs against the emulator over real HTTP', {
  timeout: RUNTIME_TIMEOUT,
}, () => {
  test('Node 22', async () => {
    const output = await runCli(process.execPath, [bundles.node.entry, emulator.url])
    expectRun(output, expect.stringMatching(/^node v22\./), await expectedResult())
  })

  test('Deno', async () => {
    const deno = join(repoRoot, 'node_modules', '.bin', 'deno')
    const output = await runCli(deno, [
      'run',
      '--no-config',
      '--no-prompt',
      '--allow-net=127.0.0.1',
      bundles.deno.entry,
      emulator.url,
    ])
    const expected = await expectedResult()
    // Deno's fetch re-sends a POST on a fresh connection by itself when a reused keep-alive
    // connection closes before the answer, so the SDK sees one attempt. The Idempotency-Key
    // still makes the emulator replay rather than store a second message.
    const retryAfterDrop = { ...expected.retryAfterDrop, requests: 1 }
    expectRun(output, expect.stringMatching(/^deno 2\./), { ...expected, retryAfterDrop })
  })

  test('Bun', async () => {
    const bun = join(repoRoot, 'node_modules', '.bin', 'bun')
    const output = await runCli(bun, [bundles.bun.entry, emulator.url])
    expectRun(output, expect.stringMatching(/^bun 1\./), await expectedResult())
  })

  test('workerd (miniflare)', async () => {
    const { entry, lazy } = bundles.workerd
    const miniflare = new Miniflare({
      // The entry first; the chunk it loads with `import()` named by its path from the entry.
      modules: await Promise.all(
        [entry, ...lazy].map(async (path) => ({
          type: 'ESModule' as const,
          path,
          contents: await readFile(path, 'utf8'),
        })),
      ),
      modulesRoot: dirname(entry),
      compatibilityDate: COMPATIBILITY_DATE,
      // No `nodejs_compat`: the SDK must run on the plain Workers platform.
      compatibilityFlags: [],
      bindings: { EMULATOR_URL: emulator.url },
    })
    try {
      const response = await miniflare.dispatchFetch('http://worker.local/')
      const output = (await response.json()) as RuntimeOutput
      expectRun(output, 'Cloudflare-Workers', await expectedResult())
    } finally {
      await miniflare.dispose()
    }
  })

  test('Vercel Edge (edge-runtime)', async () => {
    const runtime = new EdgeRuntime({ initialCode: await readFile(bundles.edge, 'utf8') })
    const response = await runtime.dispatchFetch(
      `http://edge.local/?emulator=${encodeURIComponent(emulator.url)}`,
    )
    await response.waitUntil()
    const output = (await response.json()) as RuntimeOutput
    expectRun(output, 'edge-runtime', await expectedResult())
  })
})
