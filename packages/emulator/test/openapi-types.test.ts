// A user who generates a client from the served document gets correct types: openapi-typescript
// writes them into a temporary folder, and `tsc` type-checks calls written against them with
// openapi-fetch, including calls that must NOT compile (`@ts-expect-error`).
import { execFile } from 'node:child_process'
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import openapiTS, { astToString } from 'openapi-typescript'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { type Harness, startEmulator } from './helpers.ts'

// openapi-typescript builds its output with TypeScript's JS compiler API, which TypeScript 7
// (native, the repo's compiler) no longer has: it gets TypeScript 5. `tsc` below stays 7.
vi.mock('typescript', async () => await import('typescript5'))

const run = promisify(execFile)
const require = createRequire(import.meta.url)
const TSC = join(dirname(require.resolve('typescript/package.json')), 'bin', 'tsc')
const PACKAGE_MODULES = fileURLToPath(new URL('../node_modules', import.meta.url))

const CALLS = `
import createClient from 'openapi-fetch'
import type { components, paths } from './kirim.ts'

type Schemas = components['schemas']
const kirim = createClient<paths>({ baseUrl: 'http://127.0.0.1:4010' })
const to = '+628111111111'

export async function calls(): Promise<void> {
  const sent = await kirim.POST('/v1/messages', {
    body: { to, type: 'text', text: { body: 'Halo' } },
    params: { header: { 'Idempotency-Key': 'k-1' } },
  })
  if (sent.data !== undefined) {
    const status: 'pending' | 'sent' | 'delivered' | 'read' | 'failed' = sent.data.data.status
    const failure: Schemas['DeliveryFailureCode'] | undefined = sent.data.data.error?.code
    // @ts-expect-error from is optional in the contract
    const from: string = sent.data.data.from
    void [status, failure, from]
  }
  if (sent.error !== undefined) {
    const code: Schemas['ErrorCode'] = sent.error.error.code
    void code
  }

  // @ts-expect-error a misspelled field: bdy
  await kirim.POST('/v1/messages', { body: { to, type: 'text', text: { bdy: 'Halo' } } })
  // @ts-expect-error a wrong type: the body is a string
  await kirim.POST('/v1/messages', { body: { to, type: 'text', text: { body: 5 } } })
  // @ts-expect-error an unknown message type
  await kirim.POST('/v1/messages', { body: { to, type: 'sticker', sticker: {} } })
  // @ts-expect-error an unknown top-level field (the API refuses it)
  await kirim.POST('/v1/messages', { body: { to, type: 'text', text: { body: 'x' }, extra: 1 } })

  await kirim.POST('/v1/messages', {
    body: {
      to,
      type: 'template',
      template: {
        name: 'order_confirmation',
        language: { code: 'id_ID', policy: 'deterministic' },
        components: [{ type: 'body', parameters: [{ type: 'text', text: 'John' }] }],
      },
    },
  })
  await kirim.POST('/v1/messages', {
    body: {
      to,
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: 'Pilih' },
        action: { button: 'Lihat', sections: [{ rows: [{ id: 'a', title: 'A' }] }] },
      },
    },
  })
  await kirim.POST('/v1/messages', {
    body: {
      to,
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Ya?' },
        // @ts-expect-error a button message takes buttons, not a list's sections
        action: { button: 'Lihat', sections: [] },
      },
    },
  })
  // @ts-expect-error audio carries no caption
  await kirim.POST('/v1/messages', { body: { to, type: 'audio', audio: { url: 'https://x', caption: 'x' } } })

  const message = await kirim.GET('/v1/messages/{id}', { params: { path: { id: 'msg_1' } } })
  const id: string | undefined = message.data?.data.id
  void id
  // @ts-expect-error the path parameter is required
  await kirim.GET('/v1/messages/{id}', {})

  const page = await kirim.GET('/v1/templates', {
    params: { query: { status: 'approved', language: 'id_ID', limit: 50 } },
  })
  const category: 'MARKETING' | 'UTILITY' | 'AUTHENTICATION' | undefined = page.data?.data[0]?.category
  const next: string | null | undefined = page.data?.next_cursor
  void [category, next]
  // @ts-expect-error not a template status
  await kirim.GET('/v1/templates', { params: { query: { status: 'archived' } } })
  // @ts-expect-error limit is a number
  await kirim.GET('/v1/templates', { params: { query: { limit: '10' } } })

  const me = await kirim.GET('/v1/me')
  const writes: number | undefined = me.data?.data.rate_limits.write_per_minute
  void writes

  const created = await kirim.POST('/v1/webhook_subscriptions', {
    body: { url: 'https://example.com/hooks', events: ['message.status', 'message.received'] },
  })
  const secret: string | undefined = created.data?.data.initial_secret
  void secret
  // @ts-expect-error not an event type
  await kirim.POST('/v1/webhook_subscriptions', { body: { url: 'https://x', events: ['message.sent'] } })
  await kirim.GET('/v1/webhook_subscriptions')
  const deleted = await kirim.DELETE('/v1/webhook_subscriptions/{id}', {
    params: { path: { id: 'wbs_1' } },
  })
  const gone: true | undefined = deleted.data?.data.deleted
  void gone
  await kirim.GET('/v1/health')

  const failure: Schemas['DeliveryFailureCode'] = 'outside_24h_window'
  // @ts-expect-error not a delivery-failure code
  const notAFailure: Schemas['DeliveryFailureCode'] = 'outside_window'
  // @ts-expect-error not an error code
  const notACode: Schemas['ErrorCode'] = 'bad_request'
  void [failure, notAFailure, notACode]
}
`

const TSCONFIG = {
  compilerOptions: {
    target: 'es2022',
    lib: ['es2022', 'dom'],
    module: 'nodenext',
    moduleResolution: 'nodenext',
    strict: true,
    noEmit: true,
    allowImportingTsExtensions: true,
    skipLibCheck: true,
    types: [],
  },
  files: ['calls.ts'],
}

let h: Harness
let folder: string
beforeAll(async () => {
  h = await startEmulator()
  folder = await mkdtemp(join(tmpdir(), 'kirim-openapi-types-'))
  // openapi-fetch, as this package has it, resolves from the temporary folder.
  await symlink(PACKAGE_MODULES, join(folder, 'node_modules'), 'dir')
})
afterAll(async () => {
  await h?.close()
  if (folder !== undefined) await rm(folder, { recursive: true, force: true })
})

/** Runs `tsc` on the folder; resolves its output (empty when it compiled). */
async function typecheck(): Promise<{ ok: boolean; output: string }> {
  try {
    await run(process.execPath, [TSC, '-p', join(folder, 'tsconfig.json')], { cwd: folder })
    return { ok: true, output: '' }
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
    return { ok: false, output: `${stdout}${stderr}` }
  }
}

describe('types generated from GET /v1/openapi.json', () => {
  it('type-check correct calls and refuse wrong ones', { timeout: 120_000 }, async () => {
    const document = (await h.get<Record<string, unknown>>('/v1/openapi.json', { key: null })).body
    const types = astToString(await openapiTS(document as never))
    await writeFile(join(folder, 'kirim.ts'), types)
    await writeFile(join(folder, 'package.json'), '{"type":"module"}')
    await writeFile(join(folder, 'tsconfig.json'), JSON.stringify(TSCONFIG))
    await writeFile(join(folder, 'calls.ts'), CALLS)
    // An \`@ts-expect-error\` on a line that compiles is itself an error (TS2578), so this
    // passing proves every wrong call fails to compile, as well as every right one compiling.
    const result = await typecheck()
    expect(result.output).toBe('')
    expect(result.ok).toBe(true)
  })
})
