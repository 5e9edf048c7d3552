import type { Rows } from './Rows.ts'

/**
 * JSON lines: one send body per line (`{"to":"+62…","type":"text","text":{"body":"Halo"}}`).
 * Blank lines are skipped: item `i` is the `i`-th line that is not blank.
 */
export const readJsonLines = (text: string): Rows => {
  const bodies: unknown[] = []
  const lineOf: number[] = []
  const problems = new Map<number, string>()
  for (const [number, raw] of text.split(/\r?\n/).entries()) {
    if (raw.trim() === '') continue
    const index = bodies.length
    lineOf.push(number + 1)
    try {
      bodies.push(JSON.parse(raw))
    } catch (error) {
      bodies.push(raw)
      problems.set(index, `not JSON (${(error as Error).message})`)
    }
  }
  return { bodies, problems, where: (index) => `line ${lineOf[index]}` }
}
