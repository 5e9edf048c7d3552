/**
 * @module
 * Bun entry: `bun bun.mjs <emulator url>`.
 */
import { runAndPrint } from './cli.ts'

declare const Bun: { readonly argv: readonly string[]; readonly version: string }

const ok = await runAndPrint(`bun ${Bun.version}`, Bun.argv[2])
process.exitCode = ok ? 0 : 1
