// Runs the real, built `kirim` command as a child process against the emulator on a port.
import { execFile, spawn } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { createEmulator } from '@kirim/emulator'
import { serve } from '@kirim/emulator/node'

const run = promisify(execFile)
const REPO = fileURLToPath(new URL('../../../', import.meta.url))
const PACKAGE = join(REPO, 'packages', 'cli')
/** The command as installed: `dist/bin.js`, the package's `bin`. */
export const BIN = join(PACKAGE, 'dist', 'bin.js')
export const API_KEY = 'kdv_live_emulatoremulatoremulator'

const newest = (dir: string, test: (name: string) => boolean): number =>
  Math.max(
    0,
    ...readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter(test)
      .map((name) => statSync(join(dir, name)).mtimeMs),
  )

/**
 * Builds core and the command unless their `dist/` is newer than their sources (`pnpm test`
 * builds first; this is for a suite run on its own).
 */
export const ensureBuilt = async (): Promise<void> => {
  const tsc = join(REPO, 'node_modules', '.bin', 'tsc')
  for (const name of ['core', 'cli']) {
    const dir = join(REPO, 'packages', name)
    const sources = newest(
      join(dir, 'src'),
      (file) => /\.ts$/.test(file) && !/\.test(-d)?\.ts$/.test(file),
    )
    let built = 0
    try {
      built = newest(join(dir, 'dist'), (file) => file.endsWith('.js'))
    } catch {}
    if (built < sources) await run(tsc, ['-p', join(dir, 'tsconfig.build.json')], { cwd: REPO })
  }
}

export interface Outcome {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
}

export interface KirimOptions {
  /** Variables on top of a small, explicit environment (nothing of the test process leaks in). */
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly input?: string
  /** Called with each chunk of stdout as it comes, and the child (to signal it). */
  readonly onStdout?: (text: string, child: ReturnType<typeof spawn>) => void
}

/** Runs `kirim <args>` to its end. */
export const kirim = (args: readonly string[], options: KirimOptions = {}): Promise<Outcome> =>
  new Promise((resolve, reject) => {
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', NO_COLOR: '1' }
    for (const [name, value] of Object.entries(options.env ?? {})) {
      if (value !== undefined) env[name] = value
    }
    const child = spawn(process.execPath, [BIN, ...args], { cwd: PACKAGE, env })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      options.onStdout?.(stdout, child)
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    child.once('error', reject)
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
    child.stdin.end(options.input ?? '')
  })

/** The emulator on a free port of 127.0.0.1, and its store. */
export const startEmulator = async (options: Parameters<typeof createEmulator>[0] = {}) => {
  const emulator = createEmulator({ timing: 'manual', ...options })
  const server = await serve(emulator, { port: 0, host: '127.0.0.1' })
  return {
    url: server.url,
    emulator,
    /** `kirim` against this emulator, with its API key. */
    kirim: (args: readonly string[], more: KirimOptions = {}) =>
      kirim([...args, '--base-url', server.url], {
        ...more,
        env: { KIRIM_API_KEY: API_KEY, ...more.env },
      }),
    stored: () => emulator.messages(),
    close: async () => {
      await server.close()
      await emulator.close()
    },
  }
}
