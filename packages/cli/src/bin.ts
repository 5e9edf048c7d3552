#!/usr/bin/env node
/**
 * @module
 * `kirim`: send WhatsApp messages through Kirim from scripts and CI. See `kirim --help`.
 */
import { run } from './run.ts'

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  onInterrupt: (handler) => {
    process.on('SIGINT', handler)
    return () => process.off('SIGINT', handler)
  },
})
