import { describe, expect, test } from 'vitest'
import { findNodeGlobals } from './nodeGlobals.ts'

// The packaging suite trusts this scanner; these pin down that it can actually fail.
describe('findNodeGlobals', () => {
  test.each([
    ['Buffer.from("x")', 'Buffer'],
    ['const a = globalThis.Buffer', 'Buffer'],
    ['const a = globalThis["Buffer"]', 'Buffer'],
    ['const fs = require("fs")', 'require'],
    ['module.exports = 1', 'module'],
    ['exports.x = 1', 'exports'],
    ['const here = __dirname', '__dirname'],
    ['const here = __filename', '__filename'],
    ['global.x = 1', 'global'],
    ['setImmediate(() => {})', 'setImmediate'],
    ['const key = process.env.KIRIM_API_KEY', 'process'],
    ['const key = self.process.env.KIRIM_API_KEY', 'process'],
  ])('finds %s', async (code, global) => {
    expect((await findNodeGlobals(code)).map((reference) => reference.global)).toEqual([global])
  })

  test.each([
    'const s = "a Buffer, process.env and require( in a string"',
    '// Buffer, process.env and require( in a comment\nexport const a = 1',
    '/** process.env in a doc comment */\nexport const a = 1',
    'const o = { process: 1, Buffer: 2 }; o.process; o.Buffer',
    'function f(process, Buffer, require) { return process.x + Buffer + require }',
  ])('ignores what is not a reference to the global: %s', async (code) => {
    expect(await findNodeGlobals(code)).toEqual([])
  })

  test.each([
    'const isNode = typeof process === "object"',
    'const key = typeof process !== "undefined" ? process.env?.KIRIM_API_KEY : undefined',
    'const key = typeof process !== "undefined" && process.env.KIRIM_API_KEY',
    'const key = typeof process !== "undefined" ? process.env["KIRIM_API_KEY"] : undefined',
  ])('allows a guarded read of process: %s', async (code) => {
    expect(await findNodeGlobals(code)).toEqual([])
  })

  test.each([
    'const a = typeof process !== "undefined" && process.exit(1)',
    'const a = typeof process !== "undefined" && process.env.exit()',
    'if (typeof process !== "undefined") process.env.X = "1"',
    'const a = process.env.X; const b = typeof process !== "undefined"',
  ])('refuses what a guard does not make a read: %s', async (code) => {
    expect((await findNodeGlobals(code)).map((reference) => reference.global)).toEqual(['process'])
  })
})
