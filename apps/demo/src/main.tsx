/**
 * The demo's entry: one QueryClient, the server side's config, then `KirimProvider` with the
 * client that talks to the proxy and, when statuses are pushed, the proxy's event stream.
 */
import { KirimProvider } from '@kirim/react'
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { demoConfigQuery } from './api/demoConfig.ts'
import { kirim, STATUS_EVENTS_URL } from './kirim.ts'
import './styles.css'

const queryClient = new QueryClient({
  // Templates change rarely; message statuses set their own freshness (useMessageStatus).
  defaultOptions: { queries: { staleTime: 60_000, refetchOnWindowFocus: false } },
})

function Root() {
  const config = useQuery(demoConfigQuery)
  if (config.isPending) {
    return (
      <div className="splash" role="status">
        <span className="spinner spinner--dark" aria-hidden="true" /> Starting the demo…
      </div>
    )
  }
  if (config.isError) {
    return (
      <div className="splash splash--error" role="alert">
        <p className="splash__title">The demo’s server side did not answer.</p>
        <p>{config.error.message} Is the dev server (pnpm dev) running?</p>
      </div>
    )
  }
  return (
    <KirimProvider client={kirim} events={config.data.liveStatus ? STATUS_EVENTS_URL : undefined}>
      <App config={config.data} />
    </KirimProvider>
  )
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <Root />
    </QueryClientProvider>
  </StrictMode>,
)
