/**
 * @module
 * Bundles the shared scenario once per runtime entry with esbuild, `@kirim/core` resolved to
 * the BUILT package (`dist/`, through its `exports` map) exactly as a user's bundler would.
 * Platform `neutral`: a `node:` import anywhere in the SDK fails the bundle.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type BuildOptions, build, type Plugin } from 'esbuild'
import { packageDir } from '../packaging/dist.ts'

/** One bundle file per runtime. */
export interface ScenarioBundles {
  readonly node: string
  readonly deno: string
  readonly bun: string
  readonly workerd: string
  /** A classic script (IIFE): `edge-runtime` evaluates scripts, not modules. */
  readonly edge: string
}

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
  await build({
    ...common,
    entryPoints: ['node', 'deno', 'bun', 'workerd'].map((name) => join(entries, `${name}.ts`)),
    format: 'esm',
    outdir,
    outExtension: { '.js': '.mjs' },
  })
  await build({
    ...common,
    entryPoints: [join(entries, 'edge.ts')],
    format: 'iife',
    outfile: join(outdir, 'edge.js'),
  })
  return {
    node: join(outdir, 'node.mjs'),
    deno: join(outdir, 'deno.mjs'),
    bun: join(outdir, 'bun.mjs'),
    workerd: join(outdir, 'workerd.mjs'),
    edge: join(outdir, 'edge.js'),
  }
}
