/**
 * What users install: the BUILT packages (`dist/`), checked the way a bundler, a type checker
 * and a runtime without Node's globals see them. `pnpm test` builds first; run alone, the
 * suite builds what is missing or stale.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { build, transform } from 'esbuild'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import { beforeAll, describe, expect, test } from 'vitest'
import { ensureBuilt, packageDir, repoRoot } from './dist.ts'
import { findNodeGlobals } from './nodeGlobals.ts'

const run = promisify(execFile)
const PACKAGES = ['core', 'react', 'emulator'] as const
const TIMEOUT = 120_000

type Conditions = Readonly<Record<string, string | undefined>>
interface Manifest {
  readonly name: string
  readonly type?: string
  readonly main?: string
  readonly sideEffects?: boolean
  readonly exports: Readonly<Record<string, Conditions | string>>
  readonly bin?: Readonly<Record<string, string>>
  readonly dependencies?: Readonly<Record<string, string>>
  readonly peerDependencies?: Readonly<Record<string, string>>
}

const manifests = new Map<string, Manifest>()
const core = packageDir('core')
const coreDist = join(core, 'dist')

beforeAll(async () => {
  for (const name of PACKAGES) {
    const dir = packageDir(name)
    await ensureBuilt(dir)
    manifests.set(name, JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Manifest)
  }
}, TIMEOUT)

function manifest(name: (typeof PACKAGES)[number]): Manifest {
  const found = manifests.get(name)
  if (!found) throw new Error(`package.json of ${name} was not read`)
  return found
}

/** `./proxy` → `{ subpath, file }` for every code subpath of the `exports` map. */
function codeEntries(pkg: Manifest): { subpath: string; file: string | undefined }[] {
  return Object.entries(pkg.exports)
    .filter(([subpath]) => subpath !== './package.json')
    .map(([subpath, target]) => ({
      subpath,
      file: typeof target === 'string' ? target : target.default,
    }))
}

async function filesUnder(dir: string, suffix: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true })
  return entries.filter((entry) => entry.endsWith(suffix)).sort()
}

/** The package names an entry file imports at run time, all of its relative imports followed. */
async function externalPackages(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'neutral',
    format: 'esm',
    packages: 'external',
    outdir: join(coreDist, '.metafile'),
    logLevel: 'silent',
  })
  const imports = Object.values(result.metafile.outputs).flatMap((output) => output.imports)
  const names = imports
    .filter((imported) => imported.external)
    .map(({ path }) =>
      (path.startsWith('@') ? path.split('/').slice(0, 2) : path.split('/').slice(0, 1)).join('/'),
    )
  return [...new Set(names)].sort()
}

/**
 * A `.d.ts` without its comments (doc examples may import `node:http` or name `Buffer`; the
 * declarations may not), keeping `/// <reference …>` directives, which are not comments to tsc.
 */
function declarationsOnly(text: string): string {
  return text.replaceAll(/\/\*[\s\S]*?\*\//g, '').replaceAll(/^\s*\/\/(?!\/\s*<reference).*$/gm, '')
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]))

describe('@kirim/core dist runs on Web standards alone', () => {
  test('every entry imports only declared dependencies, never a Node builtin', async () => {
    const pkg = manifest('core')
    const declared = new Set(Object.keys(pkg.dependencies ?? {}))
    const problems: string[] = []
    for (const { subpath, file } of codeEntries(pkg)) {
      const entry = join(core, file ?? '')
      if (!file || !existsSync(entry)) {
        problems.push(`${subpath}: no built entry (${file})`)
        continue
      }
      for (const name of await externalPackages(entry)) {
        if (NODE_BUILTINS.has(name) || name.startsWith('node:'))
          problems.push(`${subpath} imports ${name}`)
        else if (!declared.has(name)) problems.push(`${subpath} imports ${name}, not a dependency`)
      }
    }
    expect(problems).toEqual([])
  })

  test('jose is imported only under ./proxy; not by the client nor by webhooks', async () => {
    expect(await externalPackages(join(coreDist, 'index.js'))).toEqual(
      expect.not.arrayContaining(['jose']),
    )
    expect(await externalPackages(join(coreDist, 'webhooks', 'index.js'))).toEqual(
      expect.not.arrayContaining(['jose']),
    )
  })

  test('no file references require, Buffer, process (but a guarded typeof read), __dirname or another Node global', async () => {
    const files = await filesUnder(coreDist, '.js')
    expect(files).toContain('index.js')
    const found: { file: string; global: string; line: string }[] = []
    for (const file of files) {
      const code = await readFile(join(coreDist, file), 'utf8')
      for (const reference of await findNodeGlobals(code)) found.push({ file, ...reference })
    }
    expect(found).toEqual([])
  })

  test('no `node:` import anywhere, in code or in types', async () => {
    const offenders: string[] = []
    const nodeImport =
      /\bfrom\s*['"]node:|\bimport\s*\(\s*['"]node:|\bimport\s*['"]node:|\brequire\s*\(\s*['"]node:/
    for (const file of await filesUnder(coreDist, '.js')) {
      // esbuild drops comments: a doc example that imports `node:http` is not an import.
      const { code } = await transform(await readFile(join(coreDist, file), 'utf8'), {
        loader: 'js',
        legalComments: 'none',
      })
      if (nodeImport.test(code)) offenders.push(file)
    }
    for (const file of await filesUnder(coreDist, '.d.ts')) {
      if (nodeImport.test(declarationsOnly(await readFile(join(coreDist, file), 'utf8')))) {
        offenders.push(file)
      }
    }
    expect(offenders).toEqual([])
  })

  test(
    'type declarations compile without @types/node, against the DOM lib alone',
    async () => {
      const pkg = manifest('core')
      const references: string[] = []
      for (const file of await filesUnder(coreDist, '.d.ts')) {
        const text = await readFile(join(coreDist, file), 'utf8')
        if (/\/\/\/\s*<reference\s+types=["']node["']/.test(text)) references.push(file)
      }
      expect(references).toEqual([])

      // A consumer with no @types at all, checking every declaration file (skipLibCheck off).
      const dir = await mkdtemp(join(tmpdir(), 'kirim-types-'))
      try {
        const entries = codeEntries(pkg)
        const paths = Object.fromEntries(
          entries.map(({ subpath, file }) => [
            `${pkg.name}${subpath.slice(1)}`,
            [join(core, (file ?? '').replace(/\.js$/, '.d.ts'))],
          ]),
        )
        const consumer = entries
          .map(
            ({ subpath }, index) =>
              `export * as entry${index} from '${pkg.name}${subpath.slice(1)}'`,
          )
          .join('\n')
        await writeFile(join(dir, 'package.json'), '{ "type": "module" }')
        await writeFile(join(dir, 'consumer.ts'), `${consumer}\n`)
        await writeFile(
          join(dir, 'tsconfig.json'),
          JSON.stringify({
            compilerOptions: {
              target: 'es2022',
              lib: ['es2022', 'dom', 'dom.iterable'],
              module: 'nodenext',
              moduleResolution: 'nodenext',
              strict: true,
              noEmit: true,
              skipLibCheck: false,
              types: [],
              paths,
            },
            files: ['consumer.ts'],
          }),
        )
        const tsc = join(repoRoot, 'node_modules', '.bin', 'tsc')
        const result = await run(tsc, ['-p', join(dir, 'tsconfig.json')]).then(
          () => '',
          (error: { stdout?: string; message: string }) => error.stdout || error.message,
        )
        expect(result).toBe('')
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    },
    TIMEOUT,
  )

  test('sendMany is loaded lazily and shares no chunk with the send path', async () => {
    // Its modules import nothing of the package at run time (the client's parts come in
    // through the port): a module imported by both sides would become a third, shared chunk.
    const lazyDir = join(coreDist, 'messages', 'sendMany')
    const outside: string[] = []
    await build({
      entryPoints: (await filesUnder(lazyDir, '.js')).map((file) => join(lazyDir, file)),
      bundle: true,
      write: false,
      outdir: join(coreDist, '.lazy'),
      platform: 'neutral',
      logLevel: 'silent',
      plugins: [
        {
          name: 'outside-the-folder',
          setup(bundler) {
            bundler.onResolve({ filter: /.*/ }, ({ path, importer, kind }) => {
              if (kind === 'entry-point') return undefined
              const target = resolve(dirname(importer), path)
              if (path.startsWith('.') && dirname(target) === lazyDir) return undefined
              outside.push(`${importer.slice(lazyDir.length + 1)}: ${path}`)
              return { path, external: true }
            })
          },
        },
      ],
    })
    expect(outside).toEqual([])
    // An app that sends one text, split as a bundler splits it: its own chunk and sendMany's.
    const { metafile } = await build({
      stdin: {
        contents: `import { Kirim } from '@kirim/core'
          await new Kirim({ tokenUrl: '/token' }).messages.send({ to: '+628111111111', type: 'text', text: { body: 'Halo' } })`,
        resolveDir: core,
        loader: 'js',
      },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      metafile: true,
      outdir: join(coreDist, '.split'),
      logLevel: 'silent',
      conditions: ['import'],
    })
    const outputs = Object.values(metafile.outputs)
    const app = outputs.find((output) => output.entryPoint === '<stdin>')
    expect(app?.imports.map(({ kind }) => kind)).toEqual(['dynamic-import'])
    expect(outputs).toHaveLength(2)
  })

  test('is ESM only and side-effect free', () => {
    const pkg = manifest('core')
    expect(pkg.type).toBe('module')
    expect(pkg.sideEffects).toBe(false)
    expect(pkg.main).toBeUndefined()
    for (const target of Object.values(pkg.exports)) {
      if (typeof target !== 'string') expect(Object.keys(target)).not.toContain('require')
    }
  })
})

describe.each(PACKAGES)('@kirim/%s as published', (name) => {
  test('every exports subpath resolves to a built file with its .d.ts beside it', () => {
    const pkg = manifest(name)
    const dir = packageDir(name)
    expect(Object.keys(pkg.exports)).toContain('.')
    const missing: string[] = []
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      if (typeof target === 'string') {
        if (!existsSync(join(dir, target))) missing.push(`${subpath} → ${target}`)
        continue
      }
      const { default: file, types } = target
      if (!file?.endsWith('.js')) missing.push(`${subpath}: default is ${file}, not a .js file`)
      else if (!existsSync(join(dir, file))) missing.push(`${subpath} → ${file}`)
      const beside = file?.replace(/\.js$/, '.d.ts')
      if (!types || types !== beside)
        missing.push(`${subpath}: types is ${types}, expected ${beside}`)
      else if (!existsSync(join(dir, types))) missing.push(`${subpath} → ${types}`)
      for (const [condition, path] of Object.entries(target)) {
        if (path && !existsSync(join(dir, path)))
          missing.push(`${subpath} [${condition}] → ${path}`)
      }
    }
    for (const [command, path] of Object.entries(pkg.bin ?? {})) {
      if (!existsSync(join(dir, path))) missing.push(`bin ${command} → ${path}`)
    }
    expect(missing).toEqual([])
  })

  test(
    'publint reports no errors and no warnings',
    async () => {
      const { messages, pkg } = await publint({
        pkgDir: packageDir(name),
        level: 'warning',
        pack: 'pnpm',
      })
      expect(
        messages.map(
          (message) => `${message.type}: ${formatMessage(message, pkg, { color: false })}`,
        ),
      ).toEqual([])
    },
    TIMEOUT,
  )
})

test(
  '@kirim/core: attw --pack --profile esm-only finds no problems',
  async () => {
    const attw = join(repoRoot, 'node_modules', '.bin', 'attw')
    let stdout: string
    try {
      ;({ stdout } = await run(
        attw,
        ['--pack', core, '--profile', 'esm-only', '--format', 'json'],
        {
          cwd: repoRoot,
          maxBuffer: 64 * 1024 * 1024,
        },
      ))
    } catch (error) {
      // attw exits 1 when it finds problems; its JSON report still says which.
      ;({ stdout = '' } = error as { stdout?: string })
      if (!stdout.trim().startsWith('{')) throw error
    }
    const report = JSON.parse(stdout) as {
      analysis: { entrypoints: Record<string, unknown> }
      problems?: Record<string, { kind: string; entrypoint?: string; resolutionKind?: string }[]>
    }
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual(
      Object.keys(manifest('core').exports).sort(),
    )
    // The JSON lists every problem; the esm-only profile ignores the CommonJS resolutions.
    const ignored = new Set(['node10', 'node16-cjs'])
    const problems = Object.values(report.problems ?? {})
      .flat()
      .filter((problem) => !problem.resolutionKind || !ignored.has(problem.resolutionKind))
    expect(problems).toEqual([])
  },
  TIMEOUT,
)
