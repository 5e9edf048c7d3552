/** The demo page: the composer on the left; the live messages and the customer's phone on the right. */
import { useCallback, useState } from 'react'
import type { DemoPageConfig } from '../shared/protocol.ts'
import { useInbox } from './api/useInbox.ts'
import { Composer } from './composer/Composer.tsx'
import { CustomerPanel } from './customer/CustomerPanel.tsx'
import { MessageFeed } from './messages/MessageFeed.tsx'
import type { SentEntry } from './messages/sent.ts'
import { ModeBanner, TopBar } from './ui/Chrome.tsx'

export function App({ config }: { readonly config: DemoPageConfig }) {
  const emulator = config.mode === 'emulator'
  const [sent, setSent] = useState<readonly SentEntry[]>([])
  const [customer, setCustomer] = useState(config.testRecipients[0]?.number ?? '')
  const inbox = useInbox(config.liveStatus)

  const onSent = useCallback((entry: SentEntry) => {
    setSent((current) => [entry, ...current])
    // The phone follows the conversation you are having.
    setCustomer(entry.body.to)
  }, [])

  return (
    <div className="app">
      <TopBar mode={config.mode} />
      <ModeBanner mode={config.mode} />
      <main className="layout">
        <div className="layout__primary">
          <Composer
            config={config}
            onSent={(message, body) => onSent({ id: message.id, body, sentAt: Date.now() })}
          />
        </div>
        <div className="layout__secondary">
          <MessageFeed sent={sent} inbox={inbox} liveStatus={config.liveStatus} onSent={onSent} />
          {emulator ? (
            <CustomerPanel
              config={config}
              customer={customer}
              onCustomerChange={setCustomer}
              sent={sent}
              inbox={inbox}
            />
          ) : null}
        </div>
      </main>
      <footer className="footer">
        <p>
          Browser → <code>@kirim/react</code> → <code>@kirim/core</code> (short-lived token) → proxy{' '}
          <code>/api/kirim</code> (holds the API key) →{' '}
          {emulator ? 'the Kirim emulator' : 'the Kirim API'}. Webhooks come back the same way as an
          event stream.
        </p>
      </footer>
    </div>
  )
}
