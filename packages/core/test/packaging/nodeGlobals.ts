/**
 * @module
 * Finds references to Node's globals (`process`, `Buffer`, `require`, `__dirname` …) in
 * built JavaScript. esbuild's `define` rewrites only real references to the global (never a
 * string, a comment, a property named `process`, or a local variable that shadows it), so
 * what is left is exactly what would break on a runtime without them.
 */
import { transform } from 'esbuild'

const GLOBALS = [
  'process',
  'Buffer',
  'require',
  'module',
  'exports',
  '__dirname',
  '__filename',
  'global',
  'setImmediate',
] as const
const HOSTS = ['globalThis', 'self', 'window']

/** One forbidden reference, with the line it is on (as esbuild prints it) for the report. */
export interface NodeGlobalReference {
  readonly global: string
  readonly line: string
}

const marker = (name: string) => `__KIRIM_NODE_GLOBAL_${name}__`
const define = Object.fromEntries(
  GLOBALS.flatMap((name) => [
    [name, marker(name)],
    ...HOSTS.map((host) => [`${host}.${name}`, marker(name)]),
  ]),
)

const MARKER = /__KIRIM_NODE_GLOBAL_(\w+?)__/g
const PROCESS = marker('process')
const GUARD = new RegExp(`typeof ${PROCESS} [!=]==? "undefined"`)
/**
 * A whole `process.a.b` / `process.a?.b` / `process.a["b"]` chain that is read: nothing after
 * it continues the chain, calls it or assigns to it.
 */
const GUARDED_READ = new RegExp(
  `^${PROCESS}(?:\\??\\.[\\w$]+|\\??\\.?\\["[\\w$]+"\\])+(?!\\s*(?:[\\w$.[(]|\\?\\.|=(?!=)))`,
)

/**
 * Every reference to a Node global in `code`, except a guarded read of `process`: on a line
 * that first checks `typeof process !== "undefined"`, reading a property of `process` (never
 * calling or assigning) is allowed, as is the `typeof process` check itself.
 */
export async function findNodeGlobals(code: string): Promise<NodeGlobalReference[]> {
  // No `format`: converting to ESM would wrap CommonJS in a shim that hides `module`/`exports`.
  const { code: normalised } = await transform(code, {
    define,
    loader: 'js',
    legalComments: 'none',
  })
  const found: NodeGlobalReference[] = []
  for (const line of normalised.split('\n')) {
    const guard = GUARD.exec(line)
    for (const match of line.matchAll(MARKER)) {
      const name = match[1] ?? ''
      const at = match.index
      if (name === 'process') {
        if (line.slice(Math.max(0, at - 'typeof '.length), at) === 'typeof ') continue
        if (guard && guard.index < at && GUARDED_READ.test(line.slice(at))) continue
      }
      found.push({ global: name, line: line.trim() })
    }
  }
  return found
}
