// The API key never leaves the client's private fields: not in errors, strings, JSON or logs.
import { inspect } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Kirim, type KirimError } from '../src/index.ts'
import { type RunningEmulator, startEmulator } from './support/emulator.ts'

const secret = 'kdv_live_SECRETsecretSECRETsecret'

let env: RunningEmulator
beforeAll(async () => {
  env = await startEmulator()
})
afterAll(() => env.close())

const everyView = (value: unknown) => [
  String(value),
  JSON.stringify(value) ?? '',
  inspect(value, { depth: 10, showHidden: true }),
  value instanceof Error ? `${value.message}\n${value.stack}` : '',
]

describe('the API key stays private', () => {
  it('is not visible on the client', () => {
    const kirim = new Kirim({ apiKey: secret, baseUrl: env.url })
    for (const view of everyView(kirim)) expect(view).not.toContain('SECRET')
    for (const view of everyView(kirim.messages)) expect(view).not.toContain('SECRET')
    expect(Object.keys(kirim)).toEqual(['messages', 'templates'])
  })

  it('is not in the error when the API refuses it', async () => {
    const kirim = new Kirim({ apiKey: secret, baseUrl: env.url })
    const error = (await kirim.me().catch((e: unknown) => e)) as KirimError
    expect(error.name).toBe('AuthenticationError')
    for (const view of everyView(error)) expect(view).not.toContain('SECRET')
  })

  it('is not in a connection error, nor in its cause', async () => {
    const kirim = new Kirim({ apiKey: secret, baseUrl: 'http://127.0.0.1:9', maxRetries: 0 })
    const error = (await kirim.me().catch((e: unknown) => e)) as KirimError
    expect(error.name).toBe('ConnectionError')
    for (const view of everyView(error)) expect(view).not.toContain('SECRET')
  })

  it('is not in a validation error about it', () => {
    const error = (() => {
      try {
        new Kirim({ apiKey: `${secret} with spaces` })
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toMatchObject({ name: 'ValidationError' })
    for (const view of everyView(error)) expect(view).not.toContain('SECRET')
  })
})
