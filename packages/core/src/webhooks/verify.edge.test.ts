import { fileURLToPath } from 'node:url'
import { EdgeRuntime } from 'edge-runtime'
import { build } from 'esbuild'
import { beforeAll, describe, expect, it } from 'vitest'

// The same vectors as verifyWebhook.test.ts, computed with OpenSSL 3:
//   printf '%s' "1750000000.$BODY" | openssl dgst -sha256 -hmac "$SECRET"
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
const OLD_SECRET = 'whsec_2f7Yh1uEoCqkZbL4xNw0aVtR'
const T = 1_750_000_000
const UNICODE_BODY =
  '{"id":"evt_01JZ8X9A2B3C4D5E6F7G8H9J0K","type":"contact.updated","created_at":"2025-06-15T15:06:40.000Z","data":{"id":"ctc_01JZ8X5K3M4N5P6Q7R8S9T0V1X","name":"Siti Nurhaliza 🌸","note":"Terima kasih — ñ"}}'
const UNICODE_SIG = '51254c7f53b65d4c3567532bb972ff2542e2079ebc7e024ca5738adab752e8c8'

let runtime: EdgeRuntime

/** Runs `body` (an async function body using `KirimWebhooks`) inside the edge runtime. */
async function inEdge(body: string): Promise<unknown> {
  const json = await runtime.evaluate<Promise<string>>(
    `(async () => JSON.stringify(await (async () => { ${body} })()))()`,
  )
  return JSON.parse(json)
}

beforeAll(async () => {
  // Bundled for the browser platform, with no Node shims: a `node:` import, `Buffer` or
  // `process` in the webhook code would fail the build or the run below.
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./index.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    globalName: 'KirimWebhooks',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  })
  const code = result.outputFiles[0]?.text
  if (!code) throw new Error('esbuild produced no output')
  runtime = new EdgeRuntime({ initialCode: code })
})

describe('verifyWebhook in the Vercel Edge runtime (edge-runtime)', () => {
  it('runs where Node globals do not exist', async () => {
    expect(
      await inEdge(`return [typeof process, typeof Buffer, typeof require, typeof EdgeRuntime]`),
    ).toEqual(['undefined', 'undefined', 'undefined', 'string'])
  })

  it('verifies the OpenSSL vector of a unicode body, from a fetch Request', async () => {
    const event = await inEdge(`
      const request = new Request('https://example.test/webhooks', {
        method: 'POST',
        body: ${JSON.stringify(UNICODE_BODY)},
        headers: { 'X-Kirim-Signature': 't=${T},v1=${UNICODE_SIG}', 'X-Kirim-Event': 'contact.updated' },
      })
      const event = await KirimWebhooks.verifyWebhook({
        body: await request.arrayBuffer(),
        headers: request.headers,
        secret: [${JSON.stringify(OLD_SECRET)}, ${JSON.stringify(SECRET)}],
        now: ${T + 300},
      })
      return { type: event.type, id: event.id, name: event.data.name, at: event.timestamp.toISOString() }
    `)
    expect(event).toEqual({
      type: 'contact.updated',
      id: 'evt_01JZ8X9A2B3C4D5E6F7G8H9J0K',
      name: 'Siti Nurhaliza 🌸',
      at: new Date(T * 1000).toISOString(),
    })
  })

  it('refuses a tampered body and a stale signature with their reasons', async () => {
    const reasons = await inEdge(`
      const reasonOf = (promise) => promise.then(() => 'accepted', (error) => error.reason)
      const headers = { 'x-kirim-signature': 't=${T},v1=${UNICODE_SIG}' }
      return [
        await reasonOf(KirimWebhooks.verifyWebhook({ body: ${JSON.stringify(UNICODE_BODY.replace('Siti', 'Sita'))}, headers, secret: ${JSON.stringify(SECRET)}, now: ${T} })),
        await reasonOf(KirimWebhooks.verifyWebhook({ body: ${JSON.stringify(UNICODE_BODY)}, headers, secret: ${JSON.stringify(SECRET)}, now: ${T + 301} })),
      ]
    `)
    expect(reasons).toEqual(['signature_mismatch', 'timestamp_outside_tolerance'])
  })

  it('signs there exactly as OpenSSL does', async () => {
    const header = await inEdge(
      `return KirimWebhooks.signWebhook({ body: ${JSON.stringify(UNICODE_BODY)}, secret: ${JSON.stringify(SECRET)}, timestamp: ${T} })`,
    )
    expect(header).toBe(`t=${T},v1=${UNICODE_SIG}`)
  })
})
