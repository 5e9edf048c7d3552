import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ensureBuilt, kirim, startEmulator } from './support.ts'

let env: Awaited<ReturnType<typeof startEmulator>>
let dir: string
beforeAll(async () => {
  await ensureBuilt()
  env = await startEmulator()
  dir = await mkdtemp(join(tmpdir(), 'kirim-send-'))
}, 120_000)
afterAll(async () => {
  await env.close()
  await rm(dir, { recursive: true, force: true })
})
beforeEach(() => env.emulator.reset())

describe('kirim send', () => {
  it('sends a text and prints the stored Message as JSON', async () => {
    const { code, stdout, stderr } = await env.kirim([
      'send',
      '--to',
      '+628111111111',
      '--text',
      'Halo',
    ])
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
    const message = JSON.parse(stdout)
    expect(message).toMatchObject({ object: 'message', to: '+628111111111', status: 'pending' })
    expect(env.stored().map((stored) => stored.id)).toEqual([message.id])
  })

  it('sends a template with its body parameters in order', async () => {
    const { code } = await env.kirim([
      'send',
      '--to',
      '+628111111111',
      '--template',
      'order_confirmation',
      '--language',
      'id_ID',
      '--param',
      'John',
      '--param',
      'ORD-12345',
    ])
    expect(code).toBe(0)
    expect(env.stored()[0]).toMatchObject({
      type: 'template',
      template: {
        name: 'order_confirmation',
        language: 'id_ID',
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'John' },
              { type: 'text', text: 'ORD-12345' },
            ],
          },
        ],
      },
    })
  })

  it('takes the whole body as JSON: inline, from a file, from stdin', async () => {
    const body = (text: string) =>
      JSON.stringify({ to: '+628111111111', type: 'text', text: { body: text } })
    await writeFile(join(dir, 'body.json'), body('from a file'))
    for (const [args, input] of [
      [['--json', body('inline')], undefined],
      [['--json', `@${join(dir, 'body.json')}`], undefined],
      [['--json', '-'], body('from stdin')],
    ] as const) {
      expect((await env.kirim(['send', ...args], { input })).code).toBe(0)
    }
    const texts = env.stored().map((message) => (message.text as { body: string }).body)
    expect(texts).toEqual(['inline', 'from a file', 'from stdin'])
  })

  it('sends once per --idempotency-key, however often the command runs', async () => {
    const args = [
      'send',
      '--to',
      '+628111111111',
      '--text',
      'Sekali',
      '--idempotency-key',
      'order-7',
    ]
    const first = JSON.parse((await env.kirim(args)).stdout)
    const again = JSON.parse((await env.kirim(args)).stdout)
    expect(again.id).toBe(first.id)
    expect(env.stored()).toHaveLength(1)
  })

  it('refuses an invalid message with the field and the rule, exit 1, nothing sent', async () => {
    const { code, stdout, stderr } = await env.kirim(['send', '--to', '0811', '--text', 'Halo'])
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toBe(
      'kirim: not sent: to must be an E.164 phone number with a leading + (got "0811")\n',
    )
    expect(env.stored()).toHaveLength(0)
  })

  it('exits 1 for a message that failed at once, printing it', async () => {
    const { code, stdout, stderr } = await env.kirim([
      'send',
      '--to',
      '+628122222222',
      '--text',
      'Halo',
    ])
    expect(code).toBe(1)
    expect(JSON.parse(stdout)).toMatchObject({ status: 'failed' })
    expect(stderr).toBe('kirim: the message failed at once: outside_24h_window\n')
  })

  it('names KIRIM_API_KEY when it is not set, exit 2', async () => {
    const { code, stderr } = await kirim(['send', '--to', '+628111111111', '--text', 'Halo'])
    expect(code).toBe(2)
    expect(stderr).toMatch(/^kirim: KIRIM_API_KEY is not set: export your Kirim API key/)
  })

  it.each([
    [['send', '--text', 'Halo'], '--to is required (or --json)'],
    [['send', '--to', '+628111111111'], 'give one of --text or --template'],
    [['send', '--to', '+628111111111', '--template', 'otp_code'], '--template needs --language'],
    [
      ['send', '--to', '+628111111111', '--text', 'a', '--colour', 'red'],
      "Unknown option '--colour'",
    ],
    [['send', '--json', '{not json'], '--json is not JSON'],
    [['sned'], 'unknown command "sned" (commands: send, broadcast)'],
  ])('refuses %j as wrong usage, exit 2', async (args, message) => {
    const { code, stderr } = await env.kirim(args)
    expect(code).toBe(2)
    expect(stderr).toContain(`kirim: ${message}`)
    expect(stderr).toMatch(/Run "kirim (send )?--help" for usage\.\n$/)
  })
})
