/** The page's top bar and the banner that says what the demo is talking to. */
import type { DemoPageConfig } from '../../shared/protocol.ts'

export function TopBar({ mode }: { readonly mode: DemoPageConfig['mode'] }) {
  return (
    <header className="topbar">
      <div className="topbar__brand">
        <svg className="topbar__logo" viewBox="0 0 32 32" aria-hidden="true">
          <rect width="32" height="32" rx="8" />
          <path d="M9 22.5 10.4 18a7.5 7.5 0 1 1 3 3L9 22.5Z" />
          <path d="m13.5 15.5 2 2 3.5-4" />
        </svg>
        <span className="topbar__name">Kirim</span>
        <span className="topbar__product">WhatsApp SDK demo</span>
      </div>
      <span className={`mode-pill mode-pill--${mode}`}>
        <span className="mode-pill__dot" aria-hidden="true" />
        {mode === 'emulator' ? 'Emulator' : 'Live API'}
      </span>
    </header>
  )
}

export function ModeBanner({ mode }: { readonly mode: DemoPageConfig['mode'] }) {
  if (mode === 'live') {
    return (
      <div className="banner banner--live" role="note">
        <p>
          <strong>Live mode.</strong> Messages go to real WhatsApp numbers through the Kirim API,
          with the key held by the dev server. Each send counts.
        </p>
      </div>
    )
  }
  return (
    <div className="banner" role="note">
      <p>
        <strong>Emulator mode.</strong> No account needed: an in-process Kirim emulator answers the
        proxy and sends its webhooks back, so statuses move for real. Pick a test recipient to see
        each outcome. To send real WhatsApp messages, restart with{' '}
        <code>KIRIM_API_KEY=kdv_live_… pnpm dev</code>.
      </p>
    </div>
  )
}
