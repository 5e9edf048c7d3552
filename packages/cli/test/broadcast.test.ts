import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt, kirim, startEmulator } from './support.ts'

let env: Awaited<ReturnType<typeof startEmulator>>
let dir: string
beforeAll(async () => {
  await ensureBuilt()
  dir = await mkdtemp(join(tmpdir(), 'kirim-broadcast-'))
}, 120_000)
afterAll(() => rm(dir, { recursive: true, force: true }))

const withEmulator = async (
  options: Parameters<typeof startEmulator>[0],
  body: () => Promise<void>,
) => {
  env = await startEmulator(options)
  try {
    await body()
  } finally {
    await env.close()
  }
}

const file = async (name: string, text: string) => {
  const path = join(dir, name)
  await writeFile(path, text)
  return path
}
const jsonLines = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({ to: '+628111111111', type: 'text', text: { body: `Pesan ${i}` } }),
  ).join('\n')
const keys = () =>
  env
    .stored()
    .map((message) => message.idempotency_key)
    .sort()

describe('kirim broadcast', () => {
  it('sends a JSON lines file, one plain line an item, a summary, exit 0; a rerun replays', async () => {
    await withEmulator({}, async () => {
      const path = await file('five.jsonl', `${jsonLines(5)}\n`)
      const first = await env.kirim(['broadcast', '--batch', 'mei', path])
      expect(first.code).toBe(0)
      const lines = first.stdout.trimEnd().split('\n')
      expect(lines.slice(0, 5).sort()).toEqual(
        [0, 1, 2, 3, 4].map((i) =>
          expect.stringMatching(new RegExp(`^${i} sent msg_[0-9A-Z]{26}$`)),
        ),
      )
      expect(lines[5]).toBe('Broadcast "mei": 5 items: 5 sent, 0 replayed, 0 not sent.')
      expect(keys()).toEqual(['mei:0', 'mei:1', 'mei:2', 'mei:3', 'mei:4'])

      const again = await env.kirim(['broadcast', '--batch', 'mei', path])
      expect(again.code).toBe(0)
      expect(again.stdout).toContain('Broadcast "mei": 5 items: 0 sent, 5 replayed, 0 not sent.')
      expect(again.stdout).toMatch(/^0 replayed msg_/m)
      expect(env.stored()).toHaveLength(5)
    })
  })

  it('sends a CSV file of a template and its {{n}} parameters', async () => {
    await withEmulator({}, async () => {
      const path = await file(
        'orders.csv',
        'to,{{1}},{{2}}\n+628111111111,John,ORD-1\n"+628155555555","Siti, S.E.",ORD-2\n',
      )
      const { code, stdout } = await env.kirim([
        'broadcast',
        '--batch',
        'orders',
        '--template',
        'order_confirmation',
        '--language',
        'id_ID',
        path,
      ])
      expect(code).toBe(0)
      expect(stdout).toContain('Broadcast "orders": 2 items: 2 sent, 0 replayed, 0 not sent.')
      const byKey = new Map(env.stored().map((message) => [message.idempotency_key, message]))
      expect(byKey.get('orders:1')).toMatchObject({
        to: '+628155555555',
        template: {
          name: 'order_confirmation',
          language: 'id_ID',
          components: [
            {
              type: 'body',
              parameters: [
                { type: 'text', text: 'Siti, S.E.' },
                { type: 'text', text: 'ORD-2' },
              ],
            },
          ],
        },
      })
    })
  })

  it('reports invalid rows by index with the field and the rule, sends the rest, exit 1', async () => {
    await withEmulator({}, async () => {
      const path = await file(
        'mixed.csv',
        'to,template,language,{{1}}\n+628111111111,otp_code,en_US,123456\n0811,otp_code,en_US,1\n+628111111111,OTP Code,en_US,2\n',
      )
      const { code, stdout } = await env.kirim(['broadcast', '--batch', 'otp', path])
      expect(code).toBe(1)
      expect(stdout).toContain(
        '1 invalid to must be an E.164 phone number with a leading + (got "0811")',
      )
      expect(stdout).toMatch(/^2 invalid template\.name must be 1–512 lowercase letters/m)
      expect(stdout).toContain(
        'Broadcast "otp": 3 items: 1 sent, 0 replayed, 2 not sent (2 invalid).',
      )
      expect(stdout).toContain('  item 1 (row 2): invalid to must be an E.164 phone number')
      expect(keys()).toEqual(['otp:0'])
    })
  })

  it('checks every row with --dry-run and sends nothing, without an API key', async () => {
    await withEmulator({}, async () => {
      const path = await file('dry.jsonl', `${jsonLines(2)}\n\n{"to":"+628111111111"\n`)
      const { code, stdout } = await kirim(['broadcast', '--batch', 'dry', '--dry-run', path])
      expect(code).toBe(1)
      expect(stdout).toBe(
        "2 invalid (line 4): not JSON (Expected ',' or '}' after property value in JSON at position 21 (line 1 column 22))\nDry run: 3 items, 2 valid, 1 invalid; nothing was sent.\n",
      )
      const valid = await kirim([
        'broadcast',
        '--batch',
        'dry',
        '--dry-run',
        await file('ok.jsonl', jsonLines(3)),
      ])
      expect(valid).toMatchObject({
        code: 0,
        stdout: 'Dry run: 3 items, 3 valid, 0 invalid; nothing was sent.\n',
      })
      expect(env.stored()).toHaveLength(0)
    })
  })

  it('draws a progress bar when asked (as on a terminal), on stderr', async () => {
    await withEmulator({}, async () => {
      const path = await file('bar.jsonl', jsonLines(3))
      const { code, stdout, stderr } = await env.kirim([
        'broadcast',
        '--batch',
        'bar',
        '--progress',
        'bar',
        path,
      ])
      expect(code).toBe(0)
      expect(stderr).toContain('100% | 3/3 | sent 3 | replayed 0 | failed 0')
      expect(stdout).toBe('Broadcast "bar": 3 items: 3 sent, 0 replayed, 0 not sent.\n')
    })
  })

  it('stops cleanly on Ctrl-C, exit 130; the same command then sends the rest', async () => {
    // Each send takes 100 ms, so there is time to interrupt after the first answers.
    await withEmulator({}, async () => {
      await fetch(`${env.url}/_emulator/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'latency', latencyMs: 100, rate: 1 }),
      })
      const path = await file('long.jsonl', jsonLines(40))
      let interrupted = false
      const first = await env.kirim(['broadcast', '--batch', 'long', '--concurrency', '2', path], {
        onStdout: (text, child) => {
          if (!interrupted && text.split('\n').length > 4) {
            interrupted = true
            child.kill('SIGINT')
          }
        },
      })
      expect(first.code).toBe(130)
      expect(first.stderr).toContain('Stopping: nothing new starts, what is in flight finishes.')
      const stoppedAt = Number(/Stopped before item (\d+) of 40/.exec(first.stdout)?.[1])
      expect(stoppedAt).toBeGreaterThan(0)
      expect(stoppedAt).toBeLessThan(40)
      expect(env.stored()).toHaveLength(stoppedAt)

      await fetch(`${env.url}/_emulator/faults`, { method: 'DELETE' })
      const second = await env.kirim(['broadcast', '--batch', 'long', path])
      expect(second.code).toBe(0)
      expect(second.stdout).toContain(
        `Broadcast "long": 40 items: ${40 - stoppedAt} sent, ${stoppedAt} replayed, 0 not sent.`,
      )
      expect(env.stored()).toHaveLength(40)
    })
  })

  it.each([
    [['broadcast', 'x.jsonl'], '--batch NAME is required'],
    [['broadcast', '--batch', 'b'], 'name the FILE to broadcast'],
    [['broadcast', '--batch', 'b', 'rows.txt'], 'cannot tell the format of rows.txt'],
    [['broadcast', '--batch', 'b', 'missing.jsonl'], 'cannot read missing.jsonl: no such file'],
    [
      ['broadcast', '--batch', 'b', '--concurrency', '100', '@ok'],
      '--concurrency must be a whole number from 1 to 64',
    ],
    [['broadcast', '--batch', ' b', '@ok'], '--batch must name the broadcast'],
    [['broadcast', '--batch', 'b', '@unknown-column'], 'the CSV file has unknown columns: nama'],
    [
      ['broadcast', '--batch', 'b', '@gap'],
      'the CSV parameter columns must run from {{1}} without gaps (got {{1}}, {{3}})',
    ],
    [
      ['broadcast', '--batch', 'b', '@no-template'],
      'name the template: --template NAME, or a "template" column',
    ],
  ])('refuses %j as wrong usage, exit 2', async (args, message) => {
    await withEmulator({}, async () => {
      const fixtures: Record<string, string> = {
        '@ok': await file('ok.jsonl', jsonLines(1)),
        '@unknown-column': await file('unknown.csv', 'to,nama\n+628111111111,John\n'),
        '@gap': await file('gap.csv', 'to,{{1}},{{3}}\n+628111111111,a,b\n'),
        '@no-template': await file('plain.csv', 'to,{{1}}\n+628111111111,a\n'),
      }
      const { code, stderr } = await env.kirim(args.map((arg) => fixtures[arg] ?? arg))
      expect(code).toBe(2)
      expect(stderr).toContain(`kirim: ${message}`)
      expect(env.stored()).toHaveLength(0)
    })
  })
})
