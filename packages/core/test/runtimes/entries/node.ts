/**
 * @module
 * Node entry: `node node.mjs <emulator url>`.
 */
import { runAndPrint } from './cli.ts'

const ok = await runAndPrint(`node ${process.version}`, process.argv[2])
process.exitCode = ok ? 0 : 1
