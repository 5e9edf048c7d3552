import { readFile } from 'node:fs/promises'
import type { Io } from './io.ts'
import { UsageError } from './UsageError.ts'

/** The text of `path`, or of standard input for `-`. */
export const readInput = async (io: Io, path: string): Promise<string> => {
  if (path === '-') {
    let text = ''
    for await (const chunk of io.stdin) text += chunk.toString()
    return text
  }
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error)
    throw new UsageError(`cannot read ${path}: ${reason}`)
  }
}
