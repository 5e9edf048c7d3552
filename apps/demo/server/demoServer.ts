/**
 * The demo's server side as one Web-standard handler: the Kirim proxy under `/api/kirim` (it
 * holds the API key; the page only ever gets short-lived tokens), the page's config and inbox
 * under `/api/demo`, and, on the emulator, the emulator's control API under `/_emulator` so the
 * page can play the customer.
 *
 * Without `KIRIM_API_KEY` the emulator runs in-process: the proxy calls it directly, and its
 * signed webhooks come straight back into the proxy, with no port and no network.
 */
import { createProxy, type KirimProxy } from '@kirim/core/proxy'
import { verifyWebhook } from '@kirim/core/webhooks'
import { createEmulator, DEFAULT_API_KEY, type Emulator, TEST_RECIPIENTS } from '@kirim/emulator'
import type { DemoPageConfig, TestRecipient } from '../shared/protocol.ts'
import { type DemoConfig, type DemoEnv, readDemoConfig } from './config.ts'
import { createInbox } from './inbox.ts'
import { authorizeSession, sessionIdOf } from './session.ts'

/** The demo's server side. */
export interface DemoServer {
  readonly mode: DemoConfig['mode']
  /** The path prefixes {@link DemoServer.fetch} answers; others belong to Vite. */
  readonly prefixes: readonly string[]
  /** Answers a request under one of `prefixes`. */
  fetch(request: Request): Promise<Response>
  /** What to print in the terminal under the server's URL. */
  describe(): string[]
  /** Ends open streams and stops the emulator's timers. */
  close(): Promise<void>
}

/** Where the proxy lives on the dev server. */
export const PROXY_BASE_PATH = '/api/kirim'
const DEMO_PATH = '/api/demo'
const EMULATOR_PATH = '/_emulator'
/** The emulator's webhooks never leave the process: this host is only a name for the proxy. */
const IN_PROCESS_WEBHOOK_URL = `http://demo.invalid${PROXY_BASE_PATH}/webhooks`

const TEST_RECIPIENT_INFO: readonly TestRecipient[] = [
  {
    number: TEST_RECIPIENTS.openWindow,
    label: 'Open window',
    hint: 'Wrote to you recently: text and media are delivered, then read.',
  },
  {
    number: TEST_RECIPIENTS.closedWindow,
    label: 'Closed window',
    hint: 'No message in 24 h: free-form text fails with outside_24h_window; templates work.',
  },
  {
    number: TEST_RECIPIENTS.notOnWhatsApp,
    label: 'Not on WhatsApp',
    hint: 'Accepted, then fails with recipient_not_on_whatsapp.',
  },
  {
    number: TEST_RECIPIENTS.blocked,
    label: 'Blocked',
    hint: 'Fails at once with recipient_blocked.',
  },
  {
    number: TEST_RECIPIENTS.neverReads,
    label: 'Never reads',
    hint: 'Delivered, never read.',
  },
]

const json = (value: unknown, status = 200): Response =>
  Response.json(value, { status, headers: { 'Cache-Control': 'no-store' } })

const notFound = (message: string): Response =>
  json({ error: { type: 'not_found', code: 'route_not_found', message } }, 404)

const randomSecret = (prefix: string): string =>
  prefix + btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))

const within = (path: string, prefix: string): boolean =>
  path === prefix || path.startsWith(`${prefix}/`)

/**
 * Creates the demo's server side from the environment (see {@link DemoEnv}).
 *
 * @throws {DemoConfigError} for an unusable variable; `ProxyConfigError` for an unusable secret.
 */
export function createDemoServer(env: DemoEnv): DemoServer {
  const config = readDemoConfig(env)
  const inbox = createInbox()
  const tokenSecret = config.tokenSecret ?? randomSecret('')
  const onError = (error: Error) => console.error('[kirim-demo] proxy:', error)

  let emulator: Emulator | undefined
  let proxy: KirimProxy
  let webhookSecret: string | undefined

  // Webhooks go through the proxy (which turns statuses into events); the customer messages of
  // the deliveries it accepts also go to the inbox.
  const receiveWebhook = async (request: Request): Promise<Response> => {
    const copy = request.clone()
    const response = await proxy.fetch(request)
    if (response.ok && webhookSecret !== undefined) {
      try {
        inbox.record(
          await verifyWebhook({
            body: await copy.text(),
            headers: copy.headers,
            secret: webhookSecret,
          }),
        )
      } catch (error) {
        console.error('[kirim-demo] inbox: could not read an accepted webhook:', error)
      }
    }
    return response
  }

  if (config.mode === 'emulator') {
    webhookSecret = randomSecret('whsec_')
    const inProcess = createEmulator({
      numbers: config.numbers,
      timing: config.timing,
      webhook: { url: IN_PROCESS_WEBHOOK_URL, secret: webhookSecret },
      fetch: (input, init) => receiveWebhook(new Request(input, init)),
    })
    emulator = inProcess
    proxy = createProxy({
      apiKey: DEFAULT_API_KEY,
      baseUrl: 'http://emulator.invalid',
      fetch: (request) => inProcess.fetch(request),
      tokenSecret,
      webhookSecret,
      authorize: authorizeSession,
      onError,
    })
  } else {
    webhookSecret = config.webhookSecret
    proxy = createProxy({
      apiKey: config.apiKey,
      ...(config.baseUrl === undefined ? {} : { baseUrl: config.baseUrl }),
      tokenSecret,
      ...(webhookSecret === undefined ? {} : { webhookSecret }),
      authorize: authorizeSession,
      onError,
    })
  }

  const pageConfig: DemoPageConfig = {
    mode: config.mode,
    numbers: config.numbers,
    testRecipients: config.mode === 'emulator' ? TEST_RECIPIENT_INFO : [],
    liveStatus: webhookSecret !== undefined,
  }

  const serveDemo = (request: Request, path: string): Response => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return json(
        {
          error: {
            type: 'invalid_request_error',
            code: 'method_not_allowed',
            message: `Use GET on ${path}.`,
          },
        },
        405,
      )
    }
    if (path === `${DEMO_PATH}/config`) return json(pageConfig)
    if (path === `${DEMO_PATH}/inbox`) {
      if (sessionIdOf(request.headers.get('cookie')) === undefined) {
        return json(
          {
            error: {
              type: 'authentication_error',
              code: 'not_authorized',
              message: 'Load the demo page first: it starts your session.',
            },
          },
          401,
        )
      }
      if (webhookSecret === undefined) return notFound('The inbox needs KIRIM_WEBHOOK_SECRET.')
      return inbox.stream(request)
    }
    return notFound(`No route ${path}.`)
  }

  return {
    mode: config.mode,
    prefixes:
      emulator === undefined
        ? [PROXY_BASE_PATH, DEMO_PATH]
        : [PROXY_BASE_PATH, DEMO_PATH, EMULATOR_PATH],

    async fetch(request) {
      const path = new URL(request.url).pathname
      if (path === `${PROXY_BASE_PATH}/webhooks`) return receiveWebhook(request)
      if (within(path, PROXY_BASE_PATH)) return proxy.fetch(request)
      if (within(path, DEMO_PATH)) return serveDemo(request, path)
      if (emulator !== undefined && within(path, EMULATOR_PATH)) return emulator.fetch(request)
      return notFound(`No route ${path}.`)
    },

    describe() {
      if (config.mode === 'emulator') {
        return [
          'Kirim: running on the in-process emulator (no account, nothing leaves this machine).',
          `  sending from ${config.numbers.join(' and ')}, statuses in "${config.timing}" timing`,
          '  to send real WhatsApp messages: KIRIM_API_KEY=kdv_live_… pnpm dev',
        ]
      }
      return [
        `Kirim: live, through the proxy at ${PROXY_BASE_PATH} to ${config.baseUrl ?? 'https://api-kckit.kirim.chat'}.`,
        config.numbers.length > 0
          ? `  sending from ${config.numbers.join(', ')}`
          : '  single-number organisation assumed (set KIRIM_FROM=+62…,+62… to pick a sender)',
        webhookSecret === undefined
          ? '  no KIRIM_WEBHOOK_SECRET: statuses are polled, not pushed'
          : `  point your Kirim webhook at <public URL>${PROXY_BASE_PATH}/webhooks for live statuses`,
      ]
    },

    async close() {
      proxy.close()
      inbox.close()
      await emulator?.close()
    },
  }
}
