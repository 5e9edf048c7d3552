/**
 * The composer: every message type, the sender and the recipient. On submit the body is checked
 * by `@kirim/core` in the browser first (`parseSendMessage`, the same rules `send` applies), so
 * a broken field is shown on the field and nothing leaves the page; then `useSendMessage` sends
 * it through the proxy.
 */
import {
  parseSendMessage,
  type SendMessageBody,
  ValidationError,
  type ValidationIssue,
} from '@kirim/core'
import { useSendMessage } from '@kirim/react'
import { type FormEvent, type KeyboardEvent, useCallback, useMemo, useRef, useState } from 'react'
import type { DemoPageConfig, ReceivedEntry } from '../../shared/protocol.ts'
import type { OnSent } from '../messages/onSent.ts'
import { AddressFields } from './AddressFields.tsx'
import { ButtonsFields } from './ButtonsFields.tsx'
import { CtaUrlFields } from './CtaUrlFields.tsx'
import { buildBody, COMPOSER_KINDS, type Draft, initialDraft } from './draft.ts'
import { findInput, groupIssues, IssuesContext } from './issues.ts'
import { KindPicker } from './KindPicker.tsx'
import { ListFields } from './ListFields.tsx'
import { MediaFields } from './MediaFields.tsx'
import { ProblemSummary } from './ProblemSummary.tsx'
import { describeSendProblem, type SendProblem } from './sendProblem.ts'
import { TemplateFields } from './TemplateFields.tsx'
import { TextFields } from './TextFields.tsx'

export interface ComposerProps {
  readonly config: DemoPageConfig
  /** This session's customer messages, for what the page knows of the 24-hour window. */
  readonly received: readonly ReceivedEntry[]
  /** Called with each message Kirim stored (failed ones included) and the body it was sent with. */
  readonly onSent: OnSent
}

/** The issues of a draft as `@kirim/core` sees them, `[]` when it is valid. */
function issuesOf(draft: Draft): readonly ValidationIssue[] {
  try {
    parseSendMessage(buildBody(draft))
    return []
  } catch (error) {
    if (error instanceof ValidationError) return error.issues
    throw error
  }
}

export function Composer({ config, received, onSent }: ComposerProps) {
  const [draft, setDraft] = useState(() =>
    initialDraft(config.numbers[0] ?? '', config.testRecipients[0]?.number ?? ''),
  )
  const [problem, setProblem] = useState<SendProblem | undefined>()
  const form = useRef<HTMLFormElement>(null)
  const send = useSendMessage()
  const update = useCallback((change: (draft: Draft) => Draft) => setDraft(change), [])

  // After a refused submit, re-check on every edit so each message goes away once fixed.
  const issues = useMemo(
    () => (problem === undefined ? [] : problem.sent ? problem.issues : issuesOf(draft)),
    [problem, draft],
  )
  const issueMap = useMemo(() => groupIssues(issues), [issues])
  const showProblem = problem !== undefined && (problem.sent || issues.length > 0)

  const focusIssue = (path: string) => {
    if (form.current !== null) findInput(form.current, path)?.focus()
  }
  const fail = (error: unknown) => {
    const described = describeSendProblem(error)
    setProblem(described)
    const first = described.issues[0]
    if (first !== undefined) requestAnimationFrame(() => focusIssue(first.path))
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    let body: SendMessageBody
    try {
      body = parseSendMessage(buildBody(draft))
    } catch (error) {
      fail(error)
      return
    }
    setProblem(undefined)
    send.mutate(body, { onSuccess: (message) => onSent(message, body), onError: fail })
  }
  const sendOnShortcut = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
      event.preventDefault()
      form.current?.requestSubmit()
    }
  }

  const kindLabel = COMPOSER_KINDS.find((option) => option.kind === draft.kind)?.label ?? 'message'
  const preview = useMemo(() => JSON.stringify(buildBody(draft), null, 2), [draft])

  return (
    <section className="card composer" aria-labelledby="composer-title">
      <header className="card__header">
        <div>
          <h2 className="card__title" id="composer-title">
            New message
          </h2>
          <p className="card__subtitle">
            Sent from this page through the proxy: the API key never reaches the browser.
          </p>
        </div>
      </header>
      <IssuesContext value={issueMap}>
        <form ref={form} className="form" noValidate onSubmit={submit} onKeyDown={sendOnShortcut}>
          {showProblem ? (
            <ProblemSummary problem={problem} issues={issues} onFocusIssue={focusIssue} />
          ) : null}
          <AddressFields draft={draft} update={update} config={config} received={received} />
          <KindPicker
            kind={draft.kind}
            onChange={(kind) => update((current) => ({ ...current, kind }))}
          />
          <div className="form__content">
            {draft.kind === 'text' ? <TextFields draft={draft} update={update} /> : null}
            {draft.kind === 'template' ? <TemplateFields draft={draft} update={update} /> : null}
            {draft.kind === 'image' ||
            draft.kind === 'document' ||
            draft.kind === 'video' ||
            draft.kind === 'audio' ? (
              <MediaFields kind={draft.kind} draft={draft} update={update} />
            ) : null}
            {draft.kind === 'cta_url' ? <CtaUrlFields draft={draft} update={update} /> : null}
            {draft.kind === 'list' ? <ListFields draft={draft} update={update} /> : null}
            {draft.kind === 'buttons' ? <ButtonsFields draft={draft} update={update} /> : null}
          </div>
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={send.isPending}>
              {send.isPending ? <span className="spinner" aria-hidden="true" /> : null}
              {send.isPending ? 'Sending…' : `Send ${kindLabel.toLowerCase()}`}
            </button>
            <span className="form__shortcut">
              or <kbd>Ctrl</kbd> + <kbd>Enter</kbd>
            </span>
          </div>
          <details className="request-preview">
            <summary>The request body</summary>
            <pre>
              <code>{`await kirim.messages.send(${preview})`}</code>
            </pre>
          </details>
        </form>
      </IssuesContext>
    </section>
  )
}
