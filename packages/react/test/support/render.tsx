import { Kirim } from '@kirim/core'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import type { EventsOptions } from '../../src/events/EventsOptions.ts'
import { KirimProvider } from '../../src/provider/KirimProvider.tsx'
import type { BrowserFetch } from './browserFetch.ts'
import { API_KEY, type TestEmulator, type TestProxy } from './servers.ts'

/** A QueryClient as an app would make one, without retries (the client retries itself). */
export const newQueryClient = (): QueryClient =>
  new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })

/** A client talking straight to the emulator with the API key (tests only: no proxy). */
export const directClient = (emulator: TestEmulator, page: BrowserFetch, maxRetries = 0): Kirim =>
  new Kirim({
    apiKey: API_KEY,
    baseUrl: emulator.url,
    fetch: page.fetch,
    maxRetries,
    dangerouslyAllowBrowser: true,
  })

/** A browser client as in production: short-lived tokens from the proxy, calls through it. */
export const proxyClient = (proxy: TestProxy, page: BrowserFetch): Kirim =>
  new Kirim({
    tokenUrl: `${proxy.baseUrl}/token`,
    baseUrl: proxy.baseUrl,
    fetch: page.fetch,
    maxRetries: 0,
  })

/** Mints a proxy token the way the page would: `POST <basePath>/token` through its fetch. */
export async function mintToken(proxy: TestProxy, page: BrowserFetch): Promise<string> {
  const response = await page.fetch(`${proxy.baseUrl}/token`, { method: 'POST' })
  if (!response.ok) throw new Error(`POST /token answered ${response.status}`)
  return ((await response.json()) as { token: string }).token
}

/** The proxy's event stream as the provider's `events`, fast to reconnect in tests. */
export const proxyEvents = (
  proxy: TestProxy,
  page: BrowserFetch,
  overrides: Partial<EventsOptions> = {},
): EventsOptions => ({
  url: `${proxy.baseUrl}/events`,
  token: () => mintToken(proxy, page),
  fetch: page.streamFetch,
  retryDelay: () => 20,
  ...overrides,
})

/** Props of {@link KirimTestProviders}. */
interface ProvidersProps {
  readonly queryClient: QueryClient
  readonly client: Kirim
  readonly events?: string | EventsOptions | undefined
  readonly children?: ReactNode
}

/** The app's QueryClientProvider, then KirimProvider: what every test renders inside. */
export function KirimTestProviders({
  queryClient,
  client,
  events,
  children,
}: ProvidersProps): ReactNode {
  return (
    <QueryClientProvider client={queryClient}>
      <KirimProvider client={client} events={events}>
        {children}
      </KirimProvider>
    </QueryClientProvider>
  )
}

/** {@link KirimTestProviders} as a `wrapper` for `renderHook` / `render`. */
export const kirimWrapper =
  (queryClient: QueryClient, client: Kirim, events?: string | EventsOptions) =>
  ({ children }: { children: ReactNode }): ReactNode => (
    <KirimTestProviders queryClient={queryClient} client={client} events={events}>
      {children}
    </KirimTestProviders>
  )
