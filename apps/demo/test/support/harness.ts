/**
 * Starts what the e2e tests drive: the demo's Vite dev server from scratch (its real config file,
 * a free port, only the environment the test sets) and headless Chromium.
 */
import { mkdir } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, chromium, type Page } from 'playwright-core'
import { createServer, type ViteDevServer } from 'vite'

export const demoRoot = fileURLToPath(new URL('../..', import.meta.url))
export const repoRoot = join(demoRoot, '..', '..')
export const configFile = join(demoRoot, 'vite.config.ts')

/** The variables the demo reads. */
export const KIRIM_VARS = [
  'KIRIM_API_KEY',
  'KIRIM_BASE_URL',
  'KIRIM_WEBHOOK_SECRET',
  'KIRIM_FROM',
  'KIRIM_TOKEN_SECRET',
  'KIRIM_EMULATOR_TIMING',
] as const

type KirimEnv = Partial<Record<(typeof KIRIM_VARS)[number], string>>

/** Runs `work` with exactly `env` as the KIRIM_ variables, then puts the old ones back. */
export async function withKirimEnv<T>(env: KirimEnv, work: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(KIRIM_VARS.map((name) => [name, process.env[name]]))
  for (const name of KIRIM_VARS) {
    const value = env[name]
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
  try {
    return await work()
  } finally {
    for (const name of KIRIM_VARS) {
      if (saved[name] === undefined) delete process.env[name]
      else process.env[name] = saved[name]
    }
  }
}

export interface RunningDemo {
  readonly server: ViteDevServer
  readonly url: string
}

/**
 * The demo's dev server, started as `pnpm dev` would start it but on a free port, with `env` as
 * its KIRIM_ variables (read once, at start) and no `.env` file.
 */
export function startDemo(env: KirimEnv): Promise<RunningDemo> {
  return withKirimEnv(env, async () => {
    const server = await createServer({
      configFile,
      root: demoRoot,
      envDir: false,
      logLevel: 'warn',
      server: { port: 0, host: '127.0.0.1', strictPort: false },
    })
    await server.listen()
    const { port } = server.httpServer!.address() as AddressInfo
    return { server, url: `http://127.0.0.1:${port}` }
  })
}

/** Headless Chromium from the system (never a downloaded one). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/**
 * Collects what went wrong inside `page` (uncaught errors, console errors, failed requests), so a
 * test that finds the page blank says why.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  page.on('requestfailed', (request) => {
    // A stream the page closes itself is not a failure.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') {
      errors.push(`request failed: ${request.url()} ${request.failure()?.errorText}`)
    }
  })
  return errors
}

/** Opens the demo and waits for the composer, or fails with the page's own errors. */
export async function openDemo(page: Page, url: string, errors: readonly string[]): Promise<void> {
  await page.goto(url)
  try {
    await page.getByRole('heading', { name: 'New message' }).waitFor({ timeout: 20_000 })
  } catch (error) {
    throw new Error(
      `The demo did not render at ${url}.\n${errors.join('\n') || '(no page errors)'}`,
      { cause: error },
    )
  }
}

/** A status as a card showed it, in the order the page showed them. */
export interface StatusLogEntry {
  readonly id: string
  readonly status: string
}

/**
 * Makes the page log every status each sent-message card shows, however briefly (fast timing
 * moves in ~30 ms steps, quicker than polling could see): read it with {@link statusLog}.
 */
export async function logStatuses(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log: { id: string; status: string }[] = []
    ;(window as unknown as { __statusLog: typeof log }).__statusLog = log
    const record = (element: Element) => {
      const id = element.getAttribute('data-message-id')
      const status = element.getAttribute('data-status')
      if (id === null || status === null) return
      if (log.findLast((entry) => entry.id === id)?.status !== status) log.push({ id, status })
    }
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        if (mutation.type === 'attributes' && mutation.target instanceof Element) {
          record(mutation.target)
        }
        for (const node of mutation.addedNodes) {
          if (!(node instanceof Element)) continue
          if (node.matches('li[data-message-id]')) record(node)
          for (const child of node.querySelectorAll('li[data-message-id]')) record(child)
        }
      }
    }).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-status'],
    })
  })
}

/** The statuses the card of message `id` showed, in order. */
export async function statusLog(page: Page, id: string): Promise<string[]> {
  const log = await page.evaluate(
    () => (window as unknown as { __statusLog: StatusLogEntry[] }).__statusLog,
  )
  return log.filter((entry) => entry.id === id).map((entry) => entry.status)
}

const RANK: Readonly<Record<string, number>> = { pending: 0, sent: 1, delivered: 2, read: 3 }

/** Whether `statuses` start at pending, end at read and never go back. */
export function movedForwardToRead(statuses: readonly string[]): boolean {
  const ranks = statuses.map((status) => RANK[status] ?? -1)
  return (
    statuses[0] === 'pending' &&
    statuses.at(-1) === 'read' &&
    ranks.every((rank, index) => rank >= 0 && (index === 0 || rank >= ranks[index - 1]!))
  )
}

/** Where the tests write their screenshots (gitignored). */
export const artifactsDir = join(repoRoot, 'artifacts')

/** Saves a full-page screenshot of a step as `artifacts/demo-<step>.png`; returns its path. */
export async function screenshot(page: Page, step: string): Promise<string> {
  await mkdir(artifactsDir, { recursive: true })
  const path = join(artifactsDir, `demo-${step}.png`)
  await page.screenshot({ path, fullPage: true })
  return path
}
