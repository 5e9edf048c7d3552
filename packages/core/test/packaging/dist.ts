/**
 * @module
 * Makes sure a workspace package's built output (`dist/`) exists and is not older than its
 * sources, building it with `tsc -p tsconfig.build.json` when it is. The root `pnpm test`
 * builds before Vitest, so this only does work when a suite is run on its own.
 */
import { execFile } from 'node:child_process'
import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** The repository root (`/work/main` in CI). */
export const repoRoot = resolve(fileURLToPath(import.meta.url), '../../../../..')

/** Absolute directory of a workspace package: `packageDir('core')`. */
export function packageDir(name: 'core' | 'react' | 'emulator'): string {
  return join(repoRoot, 'packages', name)
}

const LOCK_STALE_MS = 120_000

/**
 * Builds the package unless `dist/` is newer than every source file.
 * Test files run in parallel workers; a lock keeps two of them from writing `dist/` at once.
 */
export async function ensureBuilt(dir: string): Promise<void> {
  if (await isFresh(dir)) return
  await withLock(`kirim-build-${dir.replaceAll(/[^a-zA-Z0-9]+/g, '-')}`, async () => {
    if (await isFresh(dir)) return
    const tsc = join(repoRoot, 'node_modules', '.bin', 'tsc')
    try {
      await run(tsc, ['-p', join(dir, 'tsconfig.build.json')], { cwd: repoRoot })
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
      // tsc still emits on a type error; those are `pnpm typecheck`'s to report, and the
      // output is what these suites check. No output at all is a failure.
      if (!(await isFresh(dir))) {
        throw new Error(`building ${dir} failed:\n${stdout}${stderr}`, { cause: error })
      }
      console.warn(`tsc reported errors building ${dir} (output emitted):\n${stdout}${stderr}`)
    }
  })
}

async function isFresh(dir: string): Promise<boolean> {
  const built = await newestMtime(join(dir, 'dist'), (name) => name.endsWith('.js'))
  if (built === undefined) return false
  const source = await newestMtime(
    join(dir, 'src'),
    (name) => /\.tsx?$/.test(name) && !/\.test(-d)?\.tsx?$/.test(name),
  )
  return source === undefined || source <= built
}

async function newestMtime(
  dir: string,
  include: (name: string) => boolean,
): Promise<number | undefined> {
  let entries: string[]
  try {
    entries = await readdir(dir, { recursive: true })
  } catch {
    return undefined
  }
  let found: number | undefined
  for (const entry of entries) {
    if (!include(entry)) continue
    const info = await stat(join(dir, entry))
    if (!info.isFile()) continue
    const time = info.mtimeMs
    if (found === undefined || time > found) found = time
  }
  return found
}

async function withLock<T>(name: string, body: () => Promise<T>): Promise<T> {
  const lock = join(tmpdir(), `${name}.lock`)
  for (;;) {
    try {
      await mkdir(lock)
      break
    } catch {
      // A crashed run can leave the lock behind; past the stale age it is taken over.
      const info = await stat(lock).catch(() => undefined)
      if (info && Date.now() - info.mtimeMs > LOCK_STALE_MS)
        await rm(lock, { recursive: true, force: true })
      else await new Promise((done) => setTimeout(done, 200))
    }
  }
  try {
    return await body()
  } finally {
    await rm(lock, { recursive: true, force: true })
  }
}
