/**
 * @module
 * Deno entry: `deno run --allow-net=127.0.0.1 deno.mjs <emulator url>`.
 */
import { runAndPrint } from './cli.ts'

declare const Deno: {
  readonly args: readonly string[]
  readonly version: { readonly deno: string }
  exit(code: number): never
}

const ok = await runAndPrint(`deno ${Deno.version.deno}`, Deno.args[0])
if (!ok) Deno.exit(1)
