// Defects found in review, each pinned over real HTTP.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { inspect } from 'node:util'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { InvalidResponseError, Kirim, type KirimError } from '../src/index.ts'
import {
  countingFetch,
  emulatorApiKey,
  type RunningEmulator,
  startEmulator,
} from './support/emulator.ts'

let env: RunningEmulator
beforeAll(async () => {
  env = await startEmulator()
})
afterAll(() => env.close())

describe('templates.list with a filter left undefined', () => {
  it('leaves the filter out of the query instead of sending "undefined"', async () => {
    const counter = countingFetch()
    const kirim = new Kirim({ apiKey: emulatorApiKey, baseUrl: env.url, fetch: counter.fetch })
    const all = await kirim.templates.list({})
    // What a form with no language picked, or a page size not set, passes.
    const page = await kirim.templates.list({
      status: undefined,
      language: undefined,
      name: undefined,
      limit: undefined,
    })
    expect(counter.sent.map((r) => r.path)).toEqual(['/v1/templates', '/v1/templates'])
    expect(page.data.map((t) => t.id)).toEqual(all.data.map((t) => t.id))
  })
})

describe('a token endpoint whose answer breaks the contract', () => {
  const leaked = 'eyJhbGciOiJIUzI1NiJ9.SECRETsecretSECRET.signature'
  let server: Server
  let tokenUrl: string
  let answer: { type: string; body: string }
  beforeEach(async () => {
    server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': answer.type }).end(answer.body)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    tokenUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`
  })
  afterEach(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })

  const views = (value: unknown) => [
    String(value),
    JSON.stringify(value) ?? '',
    inspect(value, { depth: 10, showHidden: true }),
    value instanceof Error ? `${value.message}\n${value.stack}` : '',
  ]

  it.each([
    ['a snake_case field', 'application/json', JSON.stringify({ token: leaked, expires_in: 300 })],
    ['another key name', 'application/json', JSON.stringify({ access_token: leaked })],
    ['a bare token as text', 'text/plain', leaked],
    ['a bare JSON string', 'application/json', JSON.stringify(leaked)],
  ])('never shows the token (%s) in the error', async (_, type, body) => {
    answer = { type, body }
    const kirim = new Kirim({ tokenUrl, baseUrl: env.url })
    const error = (await kirim.me().catch((e: unknown) => e)) as KirimError
    expect(error).toBeInstanceOf(InvalidResponseError)
    expect((error as InvalidResponseError).issues.length).toBeGreaterThan(0)
    for (const view of views(error)) expect(view).not.toContain('SECRET')
  })
})

describe('a token function whose answer breaks the contract', () => {
  it('never shows the token in the ValidationError', async () => {
    const leaked = 'eyJhbGciOiJIUzI1NiJ9.SECRETsecretSECRET.signature'
    // `res.json()` is `any`: a bare string from the endpoint compiles.
    const answer: unknown = leaked
    const kirim = new Kirim({ token: async () => answer as never, baseUrl: env.url })
    const error = (await kirim.me().catch((e: unknown) => e)) as KirimError
    expect(error).toMatchObject({ name: 'ValidationError' })
    expect(error.message).toContain('(root): must be an object')
    const views = [String(error), JSON.stringify(error), inspect(error, { depth: 10 })]
    for (const view of views) expect(view).not.toContain('SECRET')
  })
})
