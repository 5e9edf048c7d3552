import { describe, expect, it } from 'vitest'
import { WINDOW_MS } from '../conversations/window.ts'
import { createMemoryStore } from '../store/memory-store.ts'
import { buildTemplates } from '../templates/build-templates.ts'
import { validateSendBody } from '../validation/send-body.ts'
import { planDelivery } from './plan-delivery.ts'
import { TEST_RECIPIENTS } from './test-recipients.ts'

const FROM = '+628511760008029'
const NOW = 1_700_000_000_000
const store = createMemoryStore()
store.saveInbound('org', FROM, TEST_RECIPIENTS.openWindow, NOW - 1000)
const templates = buildTemplates(undefined, NOW)

const plan = (body: object, now = NOW) =>
  planDelivery(validateSendBody(body), { store, templates, organizationId: 'org', from: FROM, now })
const text = (to: string) => ({ to, type: 'text', text: { body: 'Halo' } })
const template = (to: string, name: string, parameters = 0, language = 'id_ID') => ({
  to,
  type: 'template',
  template: {
    name,
    language,
    components: [
      {
        type: 'body',
        parameters: Array.from({ length: parameters }, () => ({ type: 'text', text: 'x' })),
      },
    ],
  },
})

describe('planDelivery', () => {
  it('delivers free-form inside the window, and reads it', () => {
    expect(plan(text(TEST_RECIPIENTS.openWindow))).toMatchObject({ kind: 'delivers', reads: true })
  })

  it('fails free-form at once outside the window (closed, new customer, 24 h later)', () => {
    for (const to of [TEST_RECIPIENTS.closedWindow, '+628177777777']) {
      expect(plan(text(to))).toEqual({ kind: 'failed_at_once', failure: 'outside_24h_window' })
    }
    const customer = '+628177777777'
    store.saveInbound('org', FROM, customer, NOW - 1000)
    expect(plan(text(customer), NOW - 1000 + WINDOW_MS - 1).kind).toBe('delivers')
    expect(plan(text(customer), NOW - 1000 + WINDOW_MS)).toMatchObject({
      failure: 'outside_24h_window',
    })
  })

  it('keeps the scripted recipients open however far the clock moves', () => {
    expect(plan(text(TEST_RECIPIENTS.openWindow), NOW + 30 * WINDOW_MS).kind).toBe('delivers')
    expect(plan(text(TEST_RECIPIENTS.neverReads), NOW + 30 * WINDOW_MS)).toMatchObject({
      kind: 'delivers',
      reads: false,
    })
    expect(plan(text(TEST_RECIPIENTS.notOnWhatsApp), NOW + 30 * WINDOW_MS).kind).not.toBe(
      'failed_at_once',
    )
  })

  it('sends templates without a window', () => {
    expect(plan(template(TEST_RECIPIENTS.closedWindow, 'order_confirmation', 2)).kind).toBe(
      'delivers',
    )
    expect(plan(template('+628177777777', 'reengagement')).kind).toBe('delivers')
  })

  it('fails blocked recipients at once, templates included', () => {
    expect(plan(text(TEST_RECIPIENTS.blocked))).toMatchObject({ failure: 'recipient_blocked' })
    expect(plan(template(TEST_RECIPIENTS.blocked, 'reengagement'))).toMatchObject({
      kind: 'failed_at_once',
      failure: 'recipient_blocked',
    })
  })

  it('fails not-on-WhatsApp recipients later', () => {
    expect(plan(template(TEST_RECIPIENTS.notOnWhatsApp, 'reengagement'))).toMatchObject({
      kind: 'fails_later',
      failure: 'recipient_not_on_whatsapp',
    })
  })

  it('never reads for the never-reads recipient', () => {
    expect(plan(template(TEST_RECIPIENTS.neverReads, 'reengagement'))).toMatchObject({
      kind: 'delivers',
      reads: false,
    })
  })

  it('maps template problems to their failures', () => {
    const to = TEST_RECIPIENTS.openWindow
    expect(plan(template(to, 'no_such_template'))).toMatchObject({
      kind: 'failed_at_once',
      failure: 'template_not_found',
    })
    expect(plan(template(to, 'order_confirmation', 2, 'en_US'))).toMatchObject({
      failure: 'template_not_found',
    })
    expect(plan(template(to, 'new_launch', 2, 'en_US'))).toMatchObject({
      failure: 'template_not_found',
    })
    expect(plan(template(to, 'promo_paused', 1))).toMatchObject({
      kind: 'failed_at_once',
      failure: 'template_paused',
    })
    expect(plan(template(to, 'old_promo'))).toMatchObject({
      kind: 'failed_at_once',
      failure: 'template_disabled',
    })
    expect(plan(template(to, 'order_confirmation', 1))).toMatchObject({
      kind: 'fails_later',
      failure: 'template_param_count_mismatch',
    })
    expect(plan(template(to, 'order_confirmation', 3))).toMatchObject({
      failure: 'template_param_count_mismatch',
    })
    expect(plan(template(to, 'otp_code', 1, 'en_US')).kind).toBe('delivers')
  })

  it('fails media on unreachable.example later', () => {
    const to = TEST_RECIPIENTS.openWindow
    expect(
      plan({ to, type: 'image', image: { url: 'https://unreachable.example/a.jpg' } }),
    ).toMatchObject({ kind: 'fails_later', failure: 'media_download_failed' })
    expect(plan({ to, type: 'image', image: { url: 'https://cdn.example/a.jpg' } }).kind).toBe(
      'delivers',
    )
  })
})
