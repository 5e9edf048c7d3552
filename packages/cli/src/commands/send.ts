import { parseArgs } from 'node:util'
import { KirimError, type SendMessageBody } from '@kirim/core'
import { CLIENT_OPTIONS, clientFor } from '../client.ts'
import { describeError } from '../describeError.ts'
import { SEND_HELP } from '../help.ts'
import { EXIT, type Io, line } from '../io.ts'
import { readInput } from '../readInput.ts'
import { UsageError } from '../UsageError.ts'

/** `kirim send`: one message from flags or JSON; prints the stored Message as JSON. */
export async function send(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      to: { type: 'string' },
      text: { type: 'string' },
      template: { type: 'string' },
      language: { type: 'string' },
      param: { type: 'string', multiple: true },
      json: { type: 'string' },
      'idempotency-key': { type: 'string' },
      ...CLIENT_OPTIONS,
    },
  })
  if (values.help) {
    line(io.stdout, SEND_HELP)
    return EXIT.ok
  }
  const body = await bodyOf(values, io)
  const kirim = clientFor(io, values)
  try {
    const message = await kirim.messages.send(body, {
      idempotencyKey: values['idempotency-key'],
    })
    line(io.stdout, JSON.stringify(message))
    if (message.status !== 'failed') return EXIT.ok
    line(io.stderr, `kirim: the message failed at once: ${message.error?.code ?? 'unknown'}`)
    return EXIT.failed
  } catch (error) {
    if (!(error instanceof KirimError)) throw error
    line(io.stderr, `kirim: not sent: ${describeError(error)}`)
    return EXIT.failed
  }
}

type Values = {
  readonly to?: string | undefined
  readonly text?: string | undefined
  readonly template?: string | undefined
  readonly language?: string | undefined
  readonly param?: string[] | undefined
  readonly json?: string | undefined
}

// The body as the flags describe it; the SDK checks it against every rule before sending.
const bodyOf = async (values: Values, io: Io): Promise<SendMessageBody> => {
  const { to, text, template, language, param = [], json } = values
  if (json !== undefined) {
    if (to ?? text ?? template ?? language ?? values.param) {
      throw new UsageError('--json is the whole body: give no --to, --text, --template or --param')
    }
    const source =
      json === '-' || json.startsWith('@') ? await readInput(io, json.replace(/^@/, '')) : json
    try {
      return JSON.parse(source) as SendMessageBody
    } catch (error) {
      throw new UsageError(`--json is not JSON: ${(error as Error).message}`)
    }
  }
  if (to === undefined) throw new UsageError('--to is required (or --json)')
  if ((text === undefined) === (template === undefined)) {
    throw new UsageError('give one of --text or --template')
  }
  if (text !== undefined) {
    if (param.length > 0 || language !== undefined) {
      throw new UsageError('--param and --language go with --template')
    }
    return { to, type: 'text', text: { body: text } }
  }
  if (language === undefined) throw new UsageError('--template needs --language')
  return {
    to,
    type: 'template',
    template: {
      name: template as string,
      language,
      ...(param.length > 0
        ? {
            components: [
              { type: 'body', parameters: param.map((value) => ({ type: 'text', text: value })) },
            ],
          }
        : {}),
    },
  } as SendMessageBody
}
