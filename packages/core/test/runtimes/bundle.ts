/**
 * @module
 * Bundles the shared scenario once per runtime entry with esbuild, `@kirim/core` resolved to
 * the BUILT package (`dist/`, through its `exports` map) exactly as a user's bundler would.
 * Platform `neutral`: a `node:` import anywhere in the SDK fails the bundle.
 *
 * The module bundles are split at dynamic imports, as an app's bundler splits them: the
 * `import()` of `sendMany`'s machinery stays a real one, loaded from its own file at run time.
 * `edge-runtime` evaluates one classic script, so its bundle has the machinery inlined.
 */
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type BuildOptions, build, type Plugin } from 'esbuild'
import { packageDir } from '../packaging/dist.ts'

/** A module bundle: its entry file, and the files it loads with `import()`. */
export interface ModuleBundle {
  readonly entry: string
  /** Files the entry loads lazily (`sendMany`'s chunk), none statically. */
  readonly lazy: readonly string[]
}

/** One bundle per runtime. */
export interface ScenarioBundles {
  readonly node: ModuleBundle
  readonly deno: ModuleBundle
  readonly bun: ModuleBundle
  readonly workerd: ModuleBundle
  /** A classic script (IIFE): `edge-runtime` evaluates scripts, not modules. */
  readonly edge: string
}

type ModuleRuntime = 'node' | 'deno' | 'bun' | 'workerd'

type ExportsMap = Record<string, { readonly default?: string } | string>

/** Resolves `@kirim/core` and its subpaths to `packages/core/dist` through the `exports` map. */
async function builtCorePlugin(): Promise<Plugin> {
  const root = packageDir('core')
  const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
    exports: ExportsMap
  }
  return {
    name: 'kirim-core-dist',
    setup(bundler) {
      bundler.onResolve({ filter: /^@kirim\/core(\/.*)?$/ }, ({ path }) => {
        const subpath = `.${path.slice('@kirim/core'.length)}`
        const target = manifest.exports[subpath]
        const file = typeof target === 'string' ? target : target?.default
        if (!file) return { errors: [{ text: `@kirim/core does not export "${subpath}"` }] }
        return { path: join(root, file) }
      })
    },
  }
}

/** Writes the five bundles into `outdir` and returns their paths. */
export async function bundleScenario(outdir: string): Promise<ScenarioBundles> {
  const entries = fileURLToPath(new URL('./entries', import.meta.url))
  const plugins = [await builtCorePlugin()]
  const common: BuildOptions = {
    bundle: true,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2022',
    sourcemap: 'inline',
    logLevel: 'silent',
    plugins,
  }
  const bundleModules = async (name: ModuleRuntime): Promise<ModuleBundle> => {
    const dir = join(outdir, name)
    const { metafile } = await build({
      ...common,
      entryPoints: [join(entries, `${name}.ts`)],
      format: 'esm',
      splitting: true,
      metafile: true,
      outdir: dir,
      outExtension: { '.js': '.mjs' },
    })
    const outputs = Object.entries(metafile.outputs).map(([path, output]) => ({
      path: resolve(path),
      output,
    }))
    const entry = outputs.find(({ output }) => output.entryPoint !== undefined)
    if (!entry) throw new Error(`esbuild wrote no entry for ${name}`)
    const stat = entry.output.imports.filter(({ kind }) => kind === 'import-statement')
    if (stat.length > 0) throw new Error(`${name}: the entry imports a chunk statically`)
    return {
      entry: entry.path,
      lazy: outputs.filter((candidate) => candidate !== entry).map(({ path }) => path),
    }
  }
  const [node, deno, bun, workerd] = await Promise.all(
    (['node', 'deno', 'bun', 'workerd'] as const).map(bundleModules),
  )
  await build({
    ...common,
    entryPoints: [join(entries, 'edge.ts')],
    format: 'iife',
    outfile: join(outdir, 'edge.js'),
  })
  return {
    node: node as ModuleBundle,
    deno: deno as ModuleBundle,
    bun: bun as ModuleBundle,
    workerd: workerd as ModuleBundle,
    edge: join(outdir, 'edge.js'),
  }
}
