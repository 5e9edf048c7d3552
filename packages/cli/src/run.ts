import { readFileSync } from 'node:fs'
import { broadcast } from './commands/broadcast.ts'
import { send } from './commands/send.ts'
import { MAIN_HELP } from './help.ts'
import { EXIT, type Io, line } from './io.ts'
import { UsageError } from './UsageError.ts'

const COMMANDS: Readonly<Record<string, (args: string[], io: Io) => Promise<number>>> = {
  send,
  broadcast,
}

/** Runs `kirim <args>` and resolves with its exit code. */
export async function run(args: string[], io: Io): Promise<number> {
  const [command, ...rest] = args
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    line(command === undefined ? io.stderr : io.stdout, MAIN_HELP)
    return command === undefined ? EXIT.usage : EXIT.ok
  }
  if (command === '-v' || command === '--version') {
    const manifest = new URL('../package.json', import.meta.url)
    line(io.stdout, (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version)
    return EXIT.ok
  }
  const handler = COMMANDS[command]
  try {
    if (!handler) throw new UsageError(`unknown command "${command}" (commands: send, broadcast)`)
    return await handler(rest, io)
  } catch (error) {
    const usage =
      error instanceof UsageError ||
      (error as { code?: unknown }).code?.toString().startsWith('ERR_PARSE_ARGS')
    if (!usage) throw error
    line(io.stderr, `kirim: ${(error as Error).message}`)
    line(io.stderr, `Run "kirim ${handler ? command : ''}${handler ? ' ' : ''}--help" for usage.`)
    return EXIT.usage
  }
}
