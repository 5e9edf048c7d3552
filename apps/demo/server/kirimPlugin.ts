/**
 * The Vite plugin that runs the demo's server side (the Kirim proxy, and the emulator when there
 * is no API key) inside `vite` and `vite preview`. The API key is read from the server's
 * environment (`KIRIM_API_KEY`, or a `KIRIM_`-prefixed line of a `.env` file) and never reaches
 * the page: Vite only ships `VITE_` variables, and this plugin refuses to start when one looks
 * like a Kirim secret.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { fileURLToPath } from 'node:url'
import {
  loadEnv,
  type Plugin,
  type PreviewServer,
  type ResolvedConfig,
  runnerImport,
  type ViteDevServer,
} from 'vite'
import type { DemoEnv } from './config.ts'
import type { createDemoServer, DemoServer } from './demoServer.ts'
import { mount } from './nodeBridge.ts'
import { isPageLoad, newSessionId, sessionCookie, sessionIdOf } from './session.ts'

const DEMO_SERVER = fileURLToPath(new URL('./demoServer.ts', import.meta.url))

/**
 * Loads the server side from the workspace packages' TypeScript sources (the `kirim-source`
 * condition), as the page does: `pnpm dev` works on a fresh clone, before any package is built.
 */
async function loadDemoServer(root: string): Promise<typeof createDemoServer> {
  const { module } = await runnerImport<{ createDemoServer: typeof createDemoServer }>(
    DEMO_SERVER,
    {
      root,
      logLevel: 'error',
      environments: {
        inline: { resolve: { conditions: ['kirim-source'], noExternal: [/^@kirim\//] } },
      },
    },
  )
  return module.createDemoServer
}

/** Sets the session cookie on page loads that come without one. */
function sessionCookies(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const header = (name: string): string | undefined => {
    const value = req.headers[name]
    return Array.isArray(value) ? value.join(', ') : value
  }
  const pageLoad = isPageLoad({
    method: req.method,
    accept: header('accept'),
    fetchDest: header('sec-fetch-dest'),
  })
  if (pageLoad && sessionIdOf(header('cookie')) === undefined) {
    const secure = 'encrypted' in req.socket && req.socket.encrypted === true
    res.appendHeader('Set-Cookie', sessionCookie(newSessionId(), { secure }))
  }
  next()
}

const SECRET_NAME = /KIRIM.*(KEY|SECRET|TOKEN)/i

/** Refuses a configuration that would put a Kirim secret into the page bundle. */
function assertNoClientSecrets(config: ResolvedConfig, env: DemoEnv): void {
  const prefixes = Array.isArray(config.envPrefix)
    ? config.envPrefix
    : [config.envPrefix ?? 'VITE_']
  if (prefixes.some((prefix) => 'KIRIM_'.startsWith(prefix) || prefix.startsWith('KIRIM'))) {
    throw new Error(
      `envPrefix ${JSON.stringify(config.envPrefix)} would ship KIRIM_ variables (the API key) to the browser.`,
    )
  }
  for (const [name, value] of Object.entries(config.env)) {
    if (
      SECRET_NAME.test(name) ||
      (env.KIRIM_API_KEY !== undefined && value === env.KIRIM_API_KEY)
    ) {
      throw new Error(
        `${name} is exposed to the browser by Vite. Put the Kirim API key in KIRIM_API_KEY (server only), never in a VITE_ variable.`,
      )
    }
  }
}

/** The server side in a dev or preview server: the cookie, the routes, the terminal lines. */
async function attach(server: ViteDevServer | PreviewServer, env: DemoEnv): Promise<void> {
  const createDemoServer = await loadDemoServer(server.config.root)
  const demo: DemoServer = createDemoServer(env)
  // Registered here, not in a returned hook: these run before Vite's own middlewares.
  server.middlewares.use(sessionCookies)
  server.middlewares.use(mount(demo.prefixes, (request) => demo.fetch(request)))

  const printUrls = server.printUrls.bind(server)
  server.printUrls = () => {
    printUrls()
    for (const line of demo.describe()) server.config.logger.info(`  ${line}`)
  }
  server.httpServer?.once('close', () => {
    demo.close().catch((error: unknown) => console.error('[kirim-demo] close:', error))
  })
}

/**
 * Runs the Kirim proxy (and, without `KIRIM_API_KEY`, the emulator) inside `vite` and
 * `vite preview`: `/api/kirim/*` (the proxy), `/api/demo/*` (the page's config and feed),
 * `/_emulator/*` (the emulator's control API, emulator mode only).
 */
export function kirimDemo(): Plugin {
  let env: DemoEnv = {}
  return {
    name: 'kirim-demo',
    configResolved(config) {
      // The process environment wins over `.env` files (and is all there is with `envDir: false`).
      env = loadEnv(config.mode, config.envDir, 'KIRIM_')
      assertNoClientSecrets(config, env)
    },
    async configureServer(server) {
      await attach(server, env)
    },
    async configurePreviewServer(server) {
      await attach(server, env)
    },
  }
}
