import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  API_KEY,
  header,
  MSG_ID,
  NUMBER,
  OPEN,
  REQ_ID,
  type Receiver,
  startReceiver,
  verifySignature,
} from './helpers.ts'
import { SEED_EXAMPLES } from './seed-examples.ts'

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url))
const REPO = fileURLToPath(new URL('../../../', import.meta.url))
const CURL = '/usr/bin/curl'
const LISTENING = /^Kirim emulator listening on http:\/\/127\.0\.0\.1:(\d+)$/

interface Running {
  child: ChildProcess
  url: string
  firstLine: string
  output: () => string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/** Spawns the real command and resolves once it printed its first line. */
function startCli(args: string[]): Promise<Running> {
  const child = spawn(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings', CLI, ...args],
    {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    },
  )
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  let stdout = ''
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`no listening line within 10 s; stdout: ${stdout} stderr: ${stderr}`))
    }, 10_000)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`exited with ${code} before listening; stdout: ${stdout} stderr: ${stderr}`))
    })
    child.stdout!.on('data', (chunk: Buffer) => {
      const had = stdout.includes('\n')
      stdout += chunk.toString()
      if (had || !stdout.includes('\n')) return
      clearTimeout(timer)
      const firstLine = stdout.slice(0, stdout.indexOf('\n')).replace(/\r$/, '')
      const port = LISTENING.exec(firstLine)?.[1]
      resolve({
        child,
        firstLine,
        url: port ? `http://127.0.0.1:${port}` : '',
        output: () => stdout,
        exited,
      })
    })
  })
}

interface CurlResult {
  status: number
  headers: Map<string, string>
  body: string
}

/** Runs the real curl; `-i` prints the response head, which we split off here. */
function curl(args: string[]): Promise<CurlResult> {
  return new Promise((resolve, reject) => {
    execFile(CURL, ['-sS', '-i', '--max-time', '10', ...args], (error, stdout, stderr) => {
      if (error) return reject(new Error(`curl failed: ${stderr || error.message}`))
      let rest = stdout
      let head = ''
      // Skip interim responses such as `100 Continue`.
      do {
        const end = rest.indexOf('\r\n\r\n')
        head = rest.slice(0, end)
        rest = rest.slice(end + 4)
      } while (/^HTTP\/[\d.]+ 1\d\d/.test(head))
      const [statusLine, ...lines] = head.split('\r\n')
      const headers = new Map<string, string>()
      for (const line of lines) {
        const i = line.indexOf(':')
        headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim())
      }
      resolve({ status: Number(statusLine!.split(' ')[1]), headers, body: rest })
    })
  })
}

function curlSend(baseUrl: string, json: string, key: string, idempotencyKey?: string) {
  const args = [
    `${baseUrl}/v1/messages`,
    '-H',
    `Authorization: Bearer ${key}`,
    '-H',
    'Content-Type: application/json',
  ]
  if (idempotencyKey) args.push('-H', `Idempotency-Key: ${idempotencyKey}`)
  args.push('-d', json)
  return curl(args)
}

const isListening = async (url: string): Promise<boolean> => {
  try {
    await fetch(`${url}/v1/health`)
    return true
  } catch {
    return false
  }
}

describe('kirim-emulator --port 0', () => {
  let cli: Running
  beforeAll(async () => {
    cli = await startCli(['--port', '0'])
  }, 15_000)
  afterAll(() => {
    if (cli && cli.child.exitCode === null && cli.child.signalCode === null)
      cli.child.kill('SIGKILL')
  })

  it('prints exactly the listening line first, with the picked port', () => {
    expect(cli.firstLine).toMatch(LISTENING)
    expect(Number(LISTENING.exec(cli.firstLine)![1])).toBeGreaterThan(0)
  })

  it('prints the API key, the number and the test recipients after it', async () => {
    await new Promise((resolve) => setTimeout(resolve, 200))
    const rest = cli.output().split('\n').slice(1).join('\n')
    expect(rest).toContain(API_KEY)
    expect(rest).toContain(NUMBER)
    expect(rest).toContain(OPEN)
  })

  it.each(SEED_EXAMPLES)('serves the seed example "$name" to the real curl', async (example) => {
    const r = await curlSend(cli.url, example.json, API_KEY, example.idempotencyKey)
    expect([200, 202], r.body).toContain(r.status)
    const body = JSON.parse(r.body) as { data: { id: string; status: string }; request_id: string }
    expect(body.data.status).toBe('pending')
    expect(body.data.id).toMatch(/^msg_[0-9A-HJKMNP-TV-Z]{26}$/)
    expect(body.data.id).toMatch(MSG_ID)
    expect(body.request_id).toMatch(REQ_ID)
    expect(r.headers.get('x-request-id')).toBe(body.request_id)
  })

  it('answers curl errors in the envelope too', async () => {
    const r = await curlSend(cli.url, SEED_EXAMPLES[1]!.json, 'kdv_live_wrongwrongwrongwrongwron')
    expect(r.status).toBe(401)
    const body = JSON.parse(r.body) as { error: { code: string; request_id: string } }
    expect(body.error.code).toBe('invalid_api_key')
    expect(r.headers.get('x-request-id')).toBe(body.error.request_id)
  })

  it('exits cleanly on SIGTERM', async () => {
    cli.child.kill('SIGTERM')
    const exit = await Promise.race([
      cli.exited,
      new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5000)),
    ])
    expect(exit).toEqual({ code: 0, signal: null })
    expect(await isListening(cli.url)).toBe(false)
  })
})

describe('kirim-emulator with flags', () => {
  const KEY = `kdv_live_${'clitest'.repeat(4).slice(0, 24)}`
  const SECRET = 'whsec_clitestclitestclitest'
  let cli: Running
  let rx: Receiver
  beforeAll(async () => {
    rx = await startReceiver()
    cli = await startCli([
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      '--timing',
      'fast',
      '--api-key',
      KEY,
      '--webhook-url',
      rx.url,
      '--webhook-secret',
      SECRET,
    ])
  }, 15_000)
  afterAll(async () => {
    if (cli && cli.child.exitCode === null && cli.child.signalCode === null)
      cli.child.kill('SIGKILL')
    await rx?.close()
  })

  it('accepts --api-key and delivers signed webhooks to --webhook-url on fast timing', async () => {
    expect(cli.firstLine).toMatch(LISTENING)
    const r = await curlSend(cli.url, SEED_EXAMPLES[1]!.json, KEY)
    expect([200, 202], r.body).toContain(r.status)
    const sent = JSON.parse(r.body) as { data: { id: string } }
    // fast: every status step within 100 ms of the last.
    const received = await rx.waitFor(3, 3000)
    const statuses = received.map((w) => {
      expect(header(w, 'x-kirim-event')).toBe('message.status')
      expect(verifySignature(header(w, 'x-kirim-signature'), w.raw, SECRET).valid).toBe(true)
      return w.json.entry[0]!.changes[0]!.value.statuses![0]!.status
    })
    expect([...statuses].sort()).toEqual(['delivered', 'read', 'sent'])
    const get = await curl([
      `${cli.url}/v1/messages/${sent.data.id}`,
      '-H',
      `Authorization: Bearer ${KEY}`,
    ])
    expect((JSON.parse(get.body) as { data: { status: string } }).data.status).toBe('read')
  })

  it('exits cleanly on SIGINT', async () => {
    cli.child.kill('SIGINT')
    const exit = await Promise.race([
      cli.exited,
      new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5000)),
    ])
    expect(exit).toEqual({ code: 0, signal: null })
    expect(await isListening(cli.url)).toBe(false)
  })
})
