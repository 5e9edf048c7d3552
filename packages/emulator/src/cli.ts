#!/usr/bin/env node
/**
 * @module
 * `kirim-emulator`: serves the emulator on a port and prints where it listens.
 */
import { parseArgs } from 'node:util'
import { createEmulator } from './emulator.ts'
import { TEST_RECIPIENTS } from './messages/test-recipients.ts'
import { serve } from './node.ts'
import { DEFAULT_API_KEY, DEFAULT_NUMBER, type Timing } from './options.ts'

const USAGE = `Usage: kirim-emulator [options]

  --port <n>              port to listen on; 0 picks a free one (default 4010)
  --host <host>           interface to bind (default 127.0.0.1)
  --webhook-url <url>     where signed webhooks go
  --webhook-secret <s>    their signing secret (whsec_…); needed with --webhook-url
  --timing <mode>         fast | realistic | manual (default fast)
  --api-key <key>         accept this key (repeatable; default ${DEFAULT_API_KEY})
  -h, --help              show this help`

function fail(message: string): never {
  process.stderr.write(`kirim-emulator: ${message}\n\n${USAGE}\n`)
  process.exit(2)
}

async function main(): Promise<void> {
  let values: ReturnType<typeof parse>['values']
  const parse = () =>
    parseArgs({
      options: {
        port: { type: 'string', default: '4010' },
        host: { type: 'string', default: '127.0.0.1' },
        'webhook-url': { type: 'string' },
        'webhook-secret': { type: 'string' },
        timing: { type: 'string', default: 'fast' },
        'api-key': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    })
  try {
    values = parse().values
  } catch (error) {
    fail((error as Error).message)
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  const port = Number(values.port)
  if (!/^\d+$/.test(values.port) || port > 65_535)
    fail(`--port must be 0–65535 (got "${values.port}").`)
  const timing = values.timing as Timing
  if (!['fast', 'realistic', 'manual'].includes(timing))
    fail(`--timing must be fast, realistic or manual (got "${timing}").`)
  const webhookUrl = values['webhook-url']
  const webhookSecret = values['webhook-secret']
  if ((webhookUrl === undefined) !== (webhookSecret === undefined)) {
    fail('--webhook-url and --webhook-secret go together.')
  }
  const apiKeys = values['api-key'] ?? [DEFAULT_API_KEY]

  let emulator: ReturnType<typeof createEmulator>
  try {
    emulator = createEmulator({
      timing,
      apiKeys,
      ...(webhookUrl !== undefined && webhookSecret !== undefined
        ? { webhook: { url: webhookUrl, secret: webhookSecret } }
        : {}),
    })
  } catch (error) {
    fail((error as Error).message)
  }
  const server = await serve(emulator, { port, host: values.host }).catch((error: Error) =>
    fail(`cannot listen on ${values.host}:${values.port} (${error.message}).`),
  )

  process.stdout.write(
    [
      `Kirim emulator listening on ${server.url}`,
      `  API key:   ${apiKeys.join(', ')}`,
      `  Numbers:   ${DEFAULT_NUMBER}`,
      `  Timing:    ${timing}`,
      `  Webhooks:  ${webhookUrl ?? 'none (set with PUT /_emulator/webhook)'}`,
      '  Test recipients:',
      `    ${TEST_RECIPIENTS.openWindow}  window open`,
      `    ${TEST_RECIPIENTS.closedWindow}  window closed (free-form fails, templates work)`,
      `    ${TEST_RECIPIENTS.notOnWhatsApp}  not on WhatsApp (fails after acceptance)`,
      `    ${TEST_RECIPIENTS.blocked}  blocked the business (fails at once)`,
      `    ${TEST_RECIPIENTS.neverReads}  delivered, never read`,
      `  Control API: ${server.url}/_emulator/messages, /inbound, /faults, /clock, /webhook, /webhooks, /reset`,
      '',
    ].join('\n'),
  )

  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await server.close()
    await emulator.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

await main()
