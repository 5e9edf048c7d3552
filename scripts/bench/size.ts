/**
 * @module
 * Browser bundle sizes: esbuild (bundle, minify, browser, ESM, split at dynamic imports as an
 * app's bundler splits them) then gzip level 9 per file, with `@kirim/core` resolved to the
 * BUILT package through its `exports` map.
 */
import { readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build, type Plugin } from 'esbuild'
import { coreDir } from './paths.ts'

/** Sizes of one bundle, in bytes. */
export interface BundleSize {
  /** What a page loads before the code runs: the entry and the chunks it imports statically. */
  readonly minified: number
  readonly gzip: number
  /** The chunks loaded only by a dynamic `import()` when first used (sendMany's machinery). */
  readonly lazy: { readonly minified: number; readonly gzip: number }
}

type ExportsMap = Record<string, { readonly default?: string } | string>

const builtCore: Plugin = {
  name: 'kirim-core-dist',
  setup(bundler) {
    const manifest = JSON.parse(readFileSync(join(coreDir, 'package.json'), 'utf8')) as {
      exports: ExportsMap
    }
    bundler.onResolve({ filter: /^@kirim\/core(\/.*)?$/ }, ({ path }) => {
      const subpath = `.${path.slice('@kirim/core'.length)}`
      const target = manifest.exports[subpath]
      const file = typeof target === 'string' ? target : target?.default
      if (!file) return { errors: [{ text: `@kirim/core does not export "${subpath}"` }] }
      return { path: join(coreDir, file) }
    })
  },
}

/** Bundles `source` (an entry module) for the browser and measures it. */
export async function bundleSize(source: string): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: source, resolveDir: coreDir, loader: 'js' },
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    splitting: true,
    outdir: join(coreDir, '.bench-size'), // never written
    metafile: true,
    write: false,
    logLevel: 'silent',
    plugins: [builtCore],
  })
  const outputs = result.metafile.outputs
  const code = new Map(
    result.outputFiles.map((file) => [relative(process.cwd(), file.path), file.contents]),
  )
  // The app's entry (a dynamically imported module is an entry point of its own chunk too),
  // then every chunk reached from it by static imports.
  const initial = new Set(
    Object.keys(outputs).filter((path) => outputs[path]?.entryPoint === '<stdin>'),
  )
  for (const path of initial) {
    for (const { path: imported, kind } of outputs[path]?.imports ?? []) {
      if (kind === 'import-statement') initial.add(imported)
    }
  }
  const measure = (paths: string[]) => {
    const files = paths.map((path) => {
      const file = code.get(path)
      if (!file) throw new Error(`esbuild produced no ${path}`)
      return file
    })
    return {
      minified: files.reduce((sum, file) => sum + file.byteLength, 0),
      gzip: files.reduce((sum, file) => sum + gzipSync(file, { level: 9 }).byteLength, 0),
    }
  }
  const paths = [...code.keys()]
  return {
    ...measure(paths.filter((path) => initial.has(path))),
    lazy: measure(paths.filter((path) => !initial.has(path))),
  }
}

/** The browser app's one job: send a text through the proxy with a short-lived token. */
export const sdkSendText = `
import { Kirim } from '@kirim/core'
const kirim = new Kirim({ tokenUrl: '/api/kirim/token' })
const message = await kirim.messages.send({ to: '+628111111111', type: 'text', text: { body: 'Halo dari Kirim' } })
console.log(message.id, message.status)
`

/** The same with nothing but \`fetch\`: fetch a token, POST the message, read the answer. */
export const rawSendText = `
const tokenResponse = await fetch('/api/kirim/token', { method: 'POST' })
if (!tokenResponse.ok) throw new Error('token: HTTP ' + tokenResponse.status)
const { token } = await tokenResponse.json()
const response = await fetch('https://api-kckit.kirim.chat/v1/messages', {
  method: 'POST',
  headers: {
    authorization: 'Bearer ' + token,
    'content-type': 'application/json',
    'idempotency-key': crypto.randomUUID(),
  },
  body: JSON.stringify({ to: '+628111111111', type: 'text', text: { body: 'Halo dari Kirim' } }),
})
if (!response.ok) throw new Error('send: HTTP ' + response.status)
const { data } = await response.json()
console.log(data.id, data.status)
`

/** Everything \`@kirim/core\` exports. */
export const sdkFull = `export * from '@kirim/core'`

/** Everything \`@kirim/core/webhooks\` exports. */
export const sdkWebhooks = `export * from '@kirim/core/webhooks'`

/**
 * A hand-written verifier: parse \`X-Kirim-Signature\`, check the timestamp, HMAC-SHA256 with
 * \`crypto.subtle.verify\` against each \`v1\`, \`JSON.parse\` the body. No typed events.
 */
export const rawWebhooks = `
const encoder = new TextEncoder()
const hex = (value) => new Uint8Array(value.match(/../g).map((byte) => parseInt(byte, 16)))
export async function verify(body, header, secret, now = Date.now() / 1000) {
  const parts = header.split(',').map((part) => part.split('='))
  const t = Number(parts.find(([key]) => key === 't')?.[1])
  if (!Number.isInteger(t) || Math.abs(now - t) > 300) throw new Error('timestamp')
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify'])
  const payload = encoder.encode(t + '.' + body)
  for (const [name, value] of parts) {
    if (name === 'v1' && /^[0-9a-f]{64}$/.test(value) && (await crypto.subtle.verify('HMAC', key, hex(value), payload))) {
      return JSON.parse(body)
    }
  }
  throw new Error('signature')
}
`
