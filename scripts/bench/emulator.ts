/**
 * @module
 * The emulator at scale: runs `emulator-probe.ts` in its own process with `--expose-gc` and
 * returns its figures, and the table rows `bench.ts` prints. Sends per second at 100,000
 * stored messages are compared with the same run's rate at 0 (target: the same cost), and
 * bytes per stored message with the 1 KB target (1 KB = 1024 bytes).
 */
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const BYTES_PER_MESSAGE_TARGET = 1024

/** What the probe measured. */
export interface EmulatorAtScale {
  readonly sendsPerSecondAtZero: number
  readonly sendsPerSecondAtStored: number
  readonly bytesPerMessageManual: number
  readonly bytesPerMessageFast: number
  readonly stored: number
}

export async function measureEmulator(): Promise<EmulatorAtScale> {
  const probe = fileURLToPath(new URL('./emulator-probe.ts', import.meta.url))
  const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', probe], {
    maxBuffer: 1024 * 1024,
  })
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as EmulatorAtScale
}

/** The rows of the bench table: measure, value, baseline, cost ratio, target. */
export function emulatorRows(figures: EmulatorAtScale): [string, string, string, string, string][] {
  const count = (perSecond: number) => Math.round(perSecond).toLocaleString('en-US')
  const stored = figures.stored.toLocaleString('en-US')
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`
  const met = (bytes: number) => `≤ 1.00 KB ${bytes <= BYTES_PER_MESSAGE_TARGET ? 'met' : 'MISSED'}`
  return [
    [
      `Emulator sends/s at ${stored} stored (manual timing, in-process)`,
      `${count(figures.sendsPerSecondAtStored)} sends/s`,
      `${count(figures.sendsPerSecondAtZero)} sends/s at 0 stored`,
      `${(figures.sendsPerSecondAtZero / figures.sendsPerSecondAtStored).toFixed(2)}×`,
      'about 1×',
    ],
    [
      `Emulator heap per stored message at ${stored} (manual timing)`,
      kb(figures.bytesPerMessageManual),
      '',
      '',
      met(figures.bytesPerMessageManual),
    ],
    [
      `Emulator heap per stored message at ${stored} (fast timing)`,
      kb(figures.bytesPerMessageFast),
      '',
      '',
      met(figures.bytesPerMessageFast),
    ],
  ]
}
