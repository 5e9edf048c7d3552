import { readFile } from 'node:fs/promises'
import { beforeAll, describe, expect, it } from 'vitest'
import { BROADCAST_HELP, MAIN_HELP, SEND_HELP } from '../src/help.ts'
import { ensureBuilt, kirim } from './support.ts'

beforeAll(ensureBuilt, 120_000)

const readme = (path: string) => readFile(new URL(path, import.meta.url), 'utf8')

/** The fenced blocks of a README that start with `$ kirim …`, by command line. */
const quoted = (text: string) =>
  new Map(
    [...text.matchAll(/```[a-z]*\n\$ (kirim[^\n]*)\n([\s\S]*?)```/g)].map(([, command, output]) => [
      command,
      output,
    ]),
  )

describe('kirim --help', () => {
  it.each([
    [['--help'], MAIN_HELP],
    [['send', '--help'], SEND_HELP],
    [['broadcast', '--help'], BROADCAST_HELP],
  ])('%j prints its help, exit 0', async (args, help) => {
    expect(await kirim(args)).toMatchObject({ code: 0, stdout: `${help}\n`, stderr: '' })
  })

  it('prints the overview to stderr with exit 2 when no command is given', async () => {
    expect(await kirim([])).toMatchObject({ code: 2, stdout: '', stderr: `${MAIN_HELP}\n` })
  })

  it('is quoted in the READMEs exactly as the command prints it', async () => {
    for (const path of ['../README.md', '../../../README.md']) {
      const blocks = quoted(await readme(path))
      expect(blocks.size).toBeGreaterThan(0)
      for (const [command, output] of blocks) {
        const { stdout } = await kirim((command ?? '').split(' ').slice(1))
        expect(output, `${path}: ${command}`).toBe(stdout)
      }
    }
  })
})
