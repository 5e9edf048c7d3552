/**
 * One line on the 24-hour window between a customer and a business number, saying only what the
 * page knows: `data-window` is `open`, `closed`, `unknown`, `checking` or `error`.
 */
import { dayAndTime } from '../ui/clock.ts'
import { WINDOW_MS, type WindowView } from './useWindowView.ts'

const at = (iso: string | Date): string => dayAndTime.format(new Date(iso))

function describe(
  view: WindowView,
  customer: string,
  business: string | undefined,
): { readonly state: string; readonly text: string } | undefined {
  const title = business === undefined ? '24-hour window' : `24-hour window with ${business}`
  switch (view.kind) {
    case 'none':
      return undefined
    case 'checking':
      return { state: 'checking', text: `Checking the ${title}…` }
    case 'error':
      return { state: 'error', text: `Could not read the ${title}: ${view.message}` }
    case 'unknown':
      return {
        state: 'unknown',
        text: `${title}: unknown. Kirim’s API does not report it, and without KIRIM_WEBHOOK_SECRET no customer message reaches this demo.`,
      }
    case 'seen':
      return view.lastSeen === undefined
        ? {
            state: 'unknown',
            text: `${title}: unknown. Kirim’s API does not report it, and no message from ${customer} reached this session in the last 24 hours.`,
          }
        : {
            state: 'open',
            text: `${title}: open until at least ${at(new Date(view.lastSeen.getTime() + WINDOW_MS))}, since ${customer} wrote at ${at(view.lastSeen)} (seen here by webhook; Kirim’s API does not report the window).`,
          }
    case 'emulator': {
      const { window } = view
      if (window.always_open) {
        return { state: 'open', text: `${title}: open. A test fixture: it never closes.` }
      }
      if (window.open && window.expires_at !== null) {
        return {
          state: 'open',
          text: `${title}: open until ${at(window.expires_at)}${window.last_inbound_at === null ? '' : `, 24 hours after ${customer} last wrote (${at(window.last_inbound_at)})`}.`,
        }
      }
      return window.expires_at === null
        ? {
            state: 'closed',
            text: `${title}: closed. ${customer} has not written to this number: free-form messages fail with outside_24h_window, templates work.`,
          }
        : {
            state: 'closed',
            text: `${title}: closed since ${at(window.expires_at)}, 24 hours after ${customer} last wrote: free-form messages fail with outside_24h_window, templates work.`,
          }
    }
  }
}

export interface WindowNoteProps {
  readonly view: WindowView
  readonly customer: string
  readonly business: string | undefined
  readonly className?: string
}

export function WindowNote({ view, customer, business, className }: WindowNoteProps) {
  const described = describe(view, customer, business)
  if (described === undefined) return null
  return (
    <span
      className={`window-note window-note--${described.state}${className === undefined ? '' : ` ${className}`}`}
      data-window={described.state}
    >
      {described.text}
    </span>
  )
}
