/**
 * @module
 * The line a command-line runtime (Node, Deno, Bun) prints, so the harness can find the
 * scenario's answer among whatever else the runtime writes to stdout.
 */
import { describeError, runScenario } from '../scenario.ts'

/** Prefix of the one stdout line that carries the JSON answer. */
export const RESULT_PREFIX = 'KIRIM_SCENARIO_RESULT '

/**
 * Runs the scenario and prints `{ runtime, result }` (or `{ runtime, error }`) on one line.
 * Resolves `false` when the scenario failed, so the caller can set its exit code.
 */
export async function runAndPrint(
  runtime: string,
  emulatorUrl: string | undefined,
): Promise<boolean> {
  try {
    if (!emulatorUrl) throw new Error('usage: <runtime> <bundle> <emulator url>')
    const result = await runScenario(emulatorUrl)
    console.log(RESULT_PREFIX + JSON.stringify({ runtime, result }))
    return true
  } catch (error) {
    console.log(RESULT_PREFIX + JSON.stringify({ runtime, error: describeError(error) }))
    return false
  }
}
