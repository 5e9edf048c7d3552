/** The demo page: the composer on the left; the live messages and the customer's phone on the right. */
import type { Message, SendMessageBody } from '@kirim/core'
import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { DemoPageConfig, FeedFrame } from '../shared/protocol.ts'
import { toSentEntry } from '../shared/sentEntry.ts'
import { useFeed } from './api/useFeed.ts'
import { Composer } from './composer/Composer.tsx'
import { windowKeys } from './conversations/windowQuery.ts'
import { CustomerPanel } from './customer/CustomerPanel.tsx'
import type { Conversation } from './customer/conversation.ts'
import { MessageFeed } from './messages/MessageFeed.tsx'
import { ModeBanner, TopBar } from './ui/Chrome.tsx'

export function App({ config }: { readonly config: DemoPageConfig }) {
  const emulator = config.mode === 'emulator'
  const { entries: feed, addSent } = useFeed()
  const sent = useMemo(
    () =>
      feed.filter((entry): entry is Extract<FeedFrame, { kind: 'sent' }> => entry.kind === 'sent'),
    [feed],
  )
  const received = useMemo(
    () =>
      feed.filter(
        (entry): entry is Extract<FeedFrame, { kind: 'received' }> => entry.kind === 'received',
      ),
    [feed],
  )
  const [conversation, setConversation] = useState<Conversation>({
    customer: config.testRecipients[0]?.number ?? '',
    business: config.numbers[0],
  })

  // A customer's message changes their window: read it again.
  const queryClient = useQueryClient()
  const seenReceived = useRef(new Set<string>())
  useEffect(() => {
    for (const entry of received) {
      if (seenReceived.current.has(entry.id)) continue
      seenReceived.current.add(entry.id)
      void queryClient.invalidateQueries({ queryKey: windowKeys.customer(entry.from) })
    }
  }, [received, queryClient])

  // The card shows at once (its first status included); the phone follows the conversation.
  const onSent = useCallback(
    (message: Message, body: SendMessageBody) => {
      addSent(toSentEntry(message, body))
      setConversation((current) => ({
        customer: message.to,
        business: message.from ?? current.business,
      }))
    },
    [addSent],
  )

  return (
    <div className="app">
      <TopBar mode={config.mode} />
      <ModeBanner mode={config.mode} />
      <main className="layout">
        <div className="layout__primary">
          <Composer config={config} received={received} onSent={onSent} />
        </div>
        <div className="layout__secondary">
          <MessageFeed feed={feed} liveStatus={config.liveStatus} onSent={onSent} />
          {emulator ? (
            <CustomerPanel
              config={config}
              conversation={conversation}
              onConversationChange={setConversation}
              sent={sent}
              received={received}
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
