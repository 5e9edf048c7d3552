/**
 * The demo end to end, in headless Chromium: the Vite dev server started from scratch on the
 * in-process emulator (no key, no configuration), the page sending through the proxy, statuses
 * arriving over the event stream, the customer played through the emulator's control API, and
 * the API key found nowhere the browser can see: not in any request or response, not in the
 * production build.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createEmulator, type Emulator } from '@kirim/emulator'
import { type EmulatorServer, serve } from '@kirim/emulator/node'
import type { Browser, Locator, Page, Request } from 'playwright-core'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findSecret, readTree } from './support/findSecret.ts'
import {
  collectPageErrors,
  configFile,
  demoRoot,
  launchBrowser,
  logStatuses,
  movedForwardToRead,
  openDemo,
  type RunningDemo,
  repoRoot,
  screenshot,
  startDemo,
  statusLog,
  withKirimEnv,
} from './support/harness.ts'
import { recordTraffic, type TrafficRecorder } from './support/recordTraffic.ts'

const EMULATOR_KEY = 'kdv_live_emulatoremulatoremulator'
const FAKE_KEY = 'kdv_live_e2eFakeKeyThatMustNeverShip0123'
const OPEN_WINDOW = '+628111111111'
const CLOSED_WINDOW = '+628122222222'
const FIRST_NUMBER = '+628511760008029'

/** The emulator's test recipients, and their 24-hour window before the customer writes. */
const RECIPIENTS = [
  { label: 'Open window', number: OPEN_WINDOW, before: 'open', fixture: true },
  { label: 'Closed window', number: CLOSED_WINDOW, before: 'closed', fixture: false },
  { label: 'Not on WhatsApp', number: '+628133333333', before: 'open', fixture: true },
  { label: 'Blocked', number: '+628144444444', before: 'closed', fixture: false },
  { label: 'Never reads', number: '+628155555555', before: 'open', fixture: true },
] as const

/** Every composer type, with the badge its card shows. */
const EVERY_KIND = [
  { radio: 'Text', button: 'Send text', badge: 'Text' },
  { radio: 'Template', button: 'Send template', badge: 'Template' },
  { radio: 'Image', button: 'Send image', badge: 'Image' },
  { radio: 'Document', button: 'Send document', badge: 'Document' },
  { radio: 'Video', button: 'Send video', badge: 'Video' },
  { radio: 'Audio', button: 'Send audio', badge: 'Audio' },
  { radio: 'Link button', button: 'Send link button', badge: 'Link button' },
  { radio: 'List', button: 'Send list', badge: 'List' },
  { radio: 'Reply buttons', button: 'Send reply buttons', badge: 'Reply buttons' },
] as const

const slug = (label: string): string => label.toLowerCase().replaceAll(' ', '-')

/** The ids of the feed's cards, top to bottom, and the times they show. */
async function feedOrder(page: Page): Promise<{ ids: string[]; times: number[] }> {
  return page.locator('.feed__list > li').evaluateAll((cards) => ({
    ids: cards.map(
      (card) => card.getAttribute('data-message-id') ?? card.getAttribute('data-inbound-id') ?? '',
    ),
    times: cards.map((card) => Date.parse(card.querySelector('time')?.dateTime ?? '')),
  }))
}

/** Whether `times` never go up: newest first. */
const newestFirst = (times: readonly number[]): boolean =>
  times.every((time, index) => Number.isFinite(time) && (index === 0 || time <= times[index - 1]!))

/** Every recorded exchange, labelled, plus what the page holds, for a secret scan. */
async function pageTexts(page: Page, traffic: TrafficRecorder): Promise<Map<string, string>> {
  await traffic.settle()
  const texts = new Map(
    traffic.dump().map((text, index) => [`exchange ${index}: ${text.split('\n')[0]}`, text]),
  )
  texts.set('page HTML', await page.content())
  texts.set(
    'page storage',
    await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage })),
  )
  texts.set('document.cookie', await page.evaluate(() => document.cookie))
  return texts
}

describe('the demo in headless Chromium, on the emulator', () => {
  let demo: RunningDemo
  let browser: Browser
  let page: Page
  let traffic: TrafficRecorder
  let baseUrl: string
  let errors: string[]

  /** The card of the sent message whose text contains `text`. */
  const card = (text: string): Locator =>
    page.locator('li.message[data-message-id]', { hasText: text })
  /** The window note under the composer's To, and the one under the customer's phone. */
  const toWindow = (state: string): Locator =>
    page.locator(`.address__to .window-note[data-window="${state}"]`)
  const phoneWindow = (state: string): Locator =>
    page.locator(`.customer__window .window-note[data-window="${state}"]`)

  beforeAll(async () => {
    // No key, no configuration: what a fresh clone runs (with fast statuses).
    demo = await startDemo({ KIRIM_EMULATOR_TIMING: 'fast' })
    baseUrl = demo.url
    browser = await launchBrowser()
    const context = await browser.newContext({ viewport: { width: 1440, height: 960 } })
    page = await context.newPage()
    errors = collectPageErrors(page)
    await logStatuses(page)
    traffic = await recordTraffic(page)
    await openDemo(page, baseUrl, errors)
  })

  afterAll(async () => {
    await traffic?.stop()
    await browser?.close()
    await demo?.server.close()
  })

  it('starts on the emulator with no configuration and says so', async () => {
    await expect(page.getByRole('note').textContent()).resolves.toContain('Emulator mode')
    const config = await (await fetch(`${baseUrl}/api/demo/config`)).json()
    expect(config).toMatchObject({
      mode: 'emulator',
      numbers: ['+628511760008029', '+628511760008030'],
    })
    // The session cookie is HttpOnly: page scripts cannot read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain('kirim_demo_sid')
    const cookies = await page.context().cookies()
    expect(cookies.find((cookie) => cookie.name === 'kirim_demo_sid')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
    })
  })

  it('sends a text to the open-window recipient and sees it reach read, live', async () => {
    const text = 'Halo dari Kirim (e2e, open window)'
    await page.getByRole('button', { name: /Open window/ }).click()
    await expect(page.getByLabel('To', { exact: true }).inputValue()).resolves.toBe(OPEN_WINDOW)
    await page.getByLabel('From', { exact: true }).selectOption('+628511760008030')
    await page.getByLabel('Message', { exact: true }).fill(text)
    await page.getByRole('button', { name: 'Send text' }).click()

    const sent = card(text)
    await sent.and(page.locator('[data-status="read"]')).waitFor({ timeout: 20_000 })
    await expect(sent.locator('.chip').textContent()).resolves.toBe('Read')
    await expect(sent.textContent()).resolves.toContain('from +628511760008030')

    // The chip only ever moved forward, from pending to read.
    const id = (await sent.getAttribute('data-message-id'))!
    const seen = await statusLog(page, id)
    expect(seen, seen.join(' → ')).toSatisfy(movedForwardToRead)

    // The statuses came over the proxy's event stream, as Server-Sent Events.
    await traffic.settle()
    const streams = [...traffic.exchanges.values()].filter((entry) =>
      entry.url.endsWith('/api/kirim/events'),
    )
    expect(
      streams.some((entry) => entry.status === 200 && entry.mimeType === 'text/event-stream'),
    ).toBe(true)
    await expect
      .poll(() => streams.map((entry) => entry.responseBody).join(''))
      .toMatch(new RegExp(`event: message\\.status\\ndata: \\{"id":"${id}","status":"read"`))
  })

  it('falls back to the reengagement template when the 24-hour window is closed', async () => {
    const text = 'Halo dari Kirim (e2e, closed window)'
    await page.getByRole('button', { name: /Closed window/ }).click()
    await page.getByLabel('Message', { exact: true }).fill(text)
    await page.getByRole('button', { name: 'Send text' }).click()

    const failed = card(text)
    await failed.and(page.locator('[data-status="failed"]')).waitFor({ timeout: 20_000 })
    await expect(failed.locator('.code-pill--error').textContent()).resolves.toBe(
      'outside_24h_window',
    )

    await failed.getByRole('button', { name: 'Send the reengagement template instead' }).click()
    await failed.getByText('Sent the reengagement template instead').waitFor()
    const failedId = (await failed.getAttribute('data-message-id'))!
    const fallback = page.locator('li.message[data-message-id]', {
      hasText: `fallback for ${failedId}`,
    })
    await fallback.and(page.locator('[data-status="read"]')).waitFor({ timeout: 20_000 })
    await expect(fallback.textContent()).resolves.toContain('reengagement · id_ID')
    await expect(fallback.textContent()).resolves.toContain(CLOSED_WINDOW)
  })

  it('sends an interactive list and answers it as the customer', async () => {
    await page.getByRole('button', { name: /Open window/ }).click()
    await page.getByRole('radio', { name: 'List' }).check()
    await page.getByLabel('Row 2 title').fill('Teknis')
    await page.getByRole('button', { name: 'Send list' }).click()

    const list = card('Layanan apa yang Anda butuhkan?')
    await list.and(page.locator('[data-status="read"]')).waitFor({ timeout: 20_000 })

    // The customer's phone shows the delivered list; choosing a row sends a list_reply.
    const rows = page.getByRole('group', { name: /choose a row as the customer/ })
    await rows.getByRole('button', { name: /Tagihan/ }).click()

    // It comes back as a verified message.received webhook, on the feed and on the phone.
    const inbound = page.locator('li.message--inbound', { hasText: 'list_reply' })
    await inbound.waitFor({ timeout: 20_000 })
    await expect(inbound.textContent()).resolves.toMatch(/Tagihan[\s\S]*id: billing/)
    await expect(inbound.textContent()).resolves.toContain(`from ${OPEN_WINDOW}`)
    await page.locator('.bubble--customer', { hasText: 'Tagihan' }).waitFor()
    await expect(rows.getByRole('button', { name: /Teknis/ }).isDisabled()).resolves.toBe(true)
  })

  it('shows a 4097-character text as a field error without any request leaving the page', async () => {
    // Everything sent so far has settled (read or failed): nothing has a reason to poll.
    await page.getByRole('radio', { name: 'Text' }).check()
    const message = page.getByLabel('Message', { exact: true })
    await message.fill('x'.repeat(4097))

    const during: Request[] = []
    const onRequest = (request: Request) => during.push(request)
    page.on('request', onRequest)
    await page.getByRole('button', { name: 'Send text' }).click()
    await page.getByRole('alert').filter({ hasText: 'Fix this field first' }).waitFor()
    // Long enough for a request the click might have started to show up.
    await page.waitForTimeout(750)
    page.off('request', onRequest)

    expect(during.filter((request) => request.url().includes('/api/kirim/v1'))).toEqual([])
    expect(during.map((request) => request.url())).toEqual([])
    await expect(message.getAttribute('aria-invalid')).resolves.toBe('true')
    await expect(message.evaluate((element) => element === document.activeElement)).resolves.toBe(
      true,
    )
    const describedBy = (await message.getAttribute('aria-describedby'))!.split(' ')
    const description = await page.locator(`[id="${describedBy[0]}"]`).textContent()
    expect(description).toMatch(/4096/)
    await expect(page.getByRole('alert').textContent()).resolves.toContain('text.body')

    // 4096 is allowed: the error goes away as soon as the text fits (still nothing sent).
    await message.press('Backspace')
    await expect.poll(() => message.getAttribute('aria-invalid')).toBe('false')
    await message.fill('x'.repeat(4097))
    await expect.poll(() => message.getAttribute('aria-invalid')).toBe('true')

    await page.evaluate(() => window.scrollTo(0, 0))
    await mkdir(join(repoRoot, 'artifacts'), { recursive: true })
    await page.screenshot({ path: join(repoRoot, 'artifacts', 'demo.png'), fullPage: true })
  })

  it('sends every message type to the open window and sees each reach read', async () => {
    await page.getByRole('button', { name: /Open window/ }).click()
    for (const kind of EVERY_KIND) {
      await page.getByRole('radio', { name: kind.radio, exact: true }).check()
      if (kind.radio === 'Text') {
        await page.getByLabel('Message', { exact: true }).fill('Halo dari Kirim (e2e, every type)')
      }
      if (kind.radio === 'Template') {
        // The template list loads first: the guide's template is chosen once it is there.
        const template = page.locator('select[data-path="template.name"]')
        await expect.poll(() => template.inputValue(), { timeout: 20_000 }).not.toBe('')
      }
      const before = await page.locator('li.message[data-message-id]').count()
      await page.getByRole('button', { name: kind.button, exact: true }).click()
      await page.waitForFunction(
        (count) => document.querySelectorAll('li.message[data-message-id]').length > count,
        before,
        { timeout: 20_000 },
      )
      const newest = page.locator('li.message[data-message-id]').first()
      const id = (await newest.getAttribute('data-message-id'))!
      const sent = page.locator(`li.message[data-message-id="${id}"]`)
      await expect(sent.locator('.badge').textContent()).resolves.toBe(kind.badge)
      await sent.and(page.locator('[data-status="read"]')).waitFor({ timeout: 20_000 })
      const seen = await statusLog(page, id)
      expect(seen, `${kind.radio}: ${seen.join(' → ')}`).toSatisfy(movedForwardToRead)
    }
    await screenshot(page, 'every-type-read')
  })

  it('shows each test recipient’s 24-hour window as the emulator has it, before and after the customer writes', async () => {
    // One business number for the whole test: the window is per customer and business number.
    await page.getByLabel('From', { exact: true }).selectOption(FIRST_NUMBER)
    await page.getByRole('radio', { name: 'Text', exact: true }).check()
    for (const recipient of RECIPIENTS) {
      await page.getByRole('button', { name: new RegExp(recipient.label) }).click()
      if (recipient.label === 'Blocked') {
        // The reported defect: after a send to the blocked recipient the phone followed it but
        // kept the window of the previous customer.
        const text = 'Halo dari Kirim (e2e, blocked)'
        await page.getByLabel('Message', { exact: true }).fill(text)
        await page.getByRole('button', { name: 'Send text' }).click()
        const failed = card(text)
        await failed.and(page.locator('[data-status="failed"]')).waitFor({ timeout: 20_000 })
        await expect(failed.locator('.code-pill--error').textContent()).resolves.toBe(
          'recipient_blocked',
        )
        await expect(page.getByLabel('Customer’s number').inputValue()).resolves.toBe(
          recipient.number,
        )
      } else {
        await page.getByLabel('Customer’s number').selectOption(recipient.number)
        await page.getByLabel('Writes to').selectOption(FIRST_NUMBER)
      }
      // The phone follows a send to the customer and the number it came from.
      await expect(page.getByLabel('Writes to').inputValue()).resolves.toBe(FIRST_NUMBER)

      await toWindow(recipient.before).waitFor()
      await phoneWindow(recipient.before).waitFor()
      const beforeText = await phoneWindow(recipient.before).textContent()
      expect(beforeText).toContain(`24-hour window with ${FIRST_NUMBER}`)
      if (recipient.fixture) expect(beforeText).toContain('never closes')
      else expect(beforeText).toContain(`${recipient.number} has not written to this number`)
      await expect(toWindow(recipient.before).textContent()).resolves.toBe(beforeText)
      await screenshot(page, `window-${slug(recipient.label)}-before`)

      const reply = `Halo, ini ${recipient.label} (e2e)`
      await page.getByLabel(`Reply as ${recipient.number}`).fill(reply)
      await page.getByRole('button', { name: 'Reply', exact: true }).click()
      const inbound = page.locator('li.message--inbound', { hasText: reply })
      await inbound.waitFor({ timeout: 20_000 })
      await expect(inbound.textContent()).resolves.toContain(`from ${recipient.number}`)
      await expect(inbound.textContent()).resolves.toContain(`to ${FIRST_NUMBER}`)

      await phoneWindow('open').waitFor()
      await toWindow('open').waitFor()
      const afterText = await phoneWindow('open').textContent()
      expect(afterText).toContain(recipient.fixture ? 'never closes' : 'open until')
      if (!recipient.fixture) expect(afterText).toContain(`after ${recipient.number} last wrote`)
      await expect(toWindow('open').textContent()).resolves.toBe(afterText)
      await screenshot(page, `window-${slug(recipient.label)}-after`)
    }

    // The page and the emulator agree: the closed-window customer wrote, so a text now goes through.
    await page.getByRole('button', { name: /Closed window/ }).click()
    await toWindow('open').waitFor()
    const text = 'Halo dari Kirim (e2e, window opened by the customer)'
    await page.getByLabel('Message', { exact: true }).fill(text)
    await page.getByRole('button', { name: 'Send text' }).click()
    await card(text).and(page.locator('[data-status="read"]')).waitFor({ timeout: 20_000 })
  })

  it('refuses reply buttons beyond WhatsApp’s limits in the page, then sends three', async () => {
    await page.getByRole('button', { name: /Open window/ }).click()
    await page.getByRole('radio', { name: 'Reply buttons' }).check()
    await page.getByLabel('Body', { exact: true }).fill('Kapan pesanan Anda kami kirim?')
    const buttons = [
      ['now', 'Sekarang'],
      ['later', 'Nanti'],
      ['pickup', 'Ambil sendiri'],
      ['never', 'Tidak usah'],
    ] as const
    for (let at = 2; at < buttons.length; at++) {
      await page.getByRole('button', { name: '+ Add a button' }).click()
    }
    for (const [at, [id, title]] of buttons.entries()) {
      await page.getByLabel(`Button ${at + 1} id`).fill(id)
      await page.getByLabel(`Button ${at + 1} title`).fill(title)
    }
    const firstTitle = page.getByLabel('Button 1 title')
    await firstTitle.fill('x'.repeat(21))

    // Every request from here until the valid send: the refused one must add none.
    const during: Request[] = []
    const onRequest = (request: Request) => during.push(request)
    page.on('request', onRequest)
    await page.getByRole('button', { name: 'Send reply buttons' }).click()
    const alert = page.getByRole('alert').filter({ hasText: 'Fix these 2 fields first' })
    await alert.waitFor()
    const issues = await alert.locator('.issue-link').allTextContents()
    expect(issues).toHaveLength(2)
    expect(issues.find((issue) => issue.startsWith('interactive.action.buttons['))).toMatch(
      /^interactive\.action\.buttons\[0\]\.reply\.title.*20/,
    )
    expect(issues.find((issue) => !issue.includes('['))).toMatch(
      /^interactive\.action\.buttons[^.[].*3/,
    )
    await expect(firstTitle.getAttribute('aria-invalid')).resolves.toBe('true')
    await screenshot(page, 'buttons-refused')

    await page.getByRole('button', { name: 'Remove button 4' }).click()
    await firstTitle.fill('Sekarang')
    await expect.poll(() => firstTitle.getAttribute('aria-invalid')).toBe('false')
    await page.getByRole('button', { name: 'Send reply buttons' }).click()
    const sent = card('Kapan pesanan Anda kami kirim?')
    await sent.and(page.locator('[data-status="read"]')).waitFor({ timeout: 20_000 })
    page.off('request', onRequest)

    const posts = during.filter(
      (request) => request.method() === 'POST' && request.url().endsWith('/api/kirim/v1/messages'),
    )
    expect(posts).toHaveLength(1)
    const body = posts[0]!.postDataJSON() as {
      interactive: { action: { buttons: { reply: { id: string } }[] } }
    }
    expect(body.interactive.action.buttons.map((button) => button.reply.id)).toEqual([
      'now',
      'later',
      'pickup',
    ])
    await expect(sent.textContent()).resolves.toContain('Sekarang · Nanti · Ambil sendiri')
  })

  it('lets the customer tap a reply button and shows the button_reply it sends', async () => {
    const bubble = page.locator('.bubble--business', { hasText: 'Kapan pesanan Anda kami kirim?' })
    const group = bubble.getByRole('group', { name: 'Tap a reply button as the customer' })
    await group.waitFor()
    await screenshot(page, 'buttons-delivered')
    await group.getByRole('button', { name: 'Nanti' }).click()

    // It comes back as a verified message.received webhook, on the feed and on the phone.
    const inbound = page.locator('li.message--inbound', { hasText: 'button_reply' })
    await inbound.waitFor({ timeout: 20_000 })
    await expect(inbound.textContent()).resolves.toMatch(/button_reply\s*Nanti[\s\S]*id: later/)
    await expect(inbound.textContent()).resolves.toContain(`from ${OPEN_WINDOW}`)
    await page.locator('.bubble--customer', { hasText: 'Nanti' }).waitFor()
    // WhatsApp takes one answer: the buttons are spent.
    for (const title of ['Sekarang', 'Nanti', 'Ambil sendiri']) {
      await expect(group.getByRole('button', { name: title }).isDisabled()).resolves.toBe(true)
    }
    // The sent card is still there, below the answer.
    const { ids } = await feedOrder(page)
    const sentId = await card('Kapan pesanan Anda kami kirim?').getAttribute('data-message-id')
    const answerId = await inbound.getAttribute('data-inbound-id')
    expect(ids.indexOf(answerId!)).toBeLessThan(ids.indexOf(sentId!))
    await screenshot(page, 'buttons-answered')
  })

  it('starts a fresh session empty and shows it only its own messages, in time order', async () => {
    const { ids: firstSession } = await feedOrder(page)
    expect(firstSession.length).toBeGreaterThan(10)

    const fresh = await browser.newContext({ viewport: { width: 1440, height: 960 } })
    try {
      const other = await fresh.newPage()
      const otherErrors = collectPageErrors(other)
      await logStatuses(other)
      await openDemo(other, baseUrl, otherErrors)
      await other.getByText('No messages yet').waitFor()
      await expect(other.locator('.feed__list > li').count()).resolves.toBe(0)
      await screenshot(other, 'session-fresh')

      // The same customer the first session talked to: still nothing of the first session's.
      const first = 'Halo dari sesi kedua (e2e)'
      const reply = 'Balasan untuk sesi kedua (e2e)'
      const second = 'Terima kasih, sesi kedua (e2e)'
      const sentCard = (text: string) =>
        other.locator('li.message[data-message-id]', { hasText: text })
      await other.getByLabel('Message', { exact: true }).fill(first)
      await other.getByRole('button', { name: 'Send text' }).click()
      await sentCard(first).and(other.locator('[data-status="read"]')).waitFor({ timeout: 20_000 })
      await other.getByLabel(`Reply as ${OPEN_WINDOW}`).fill(reply)
      await other.getByRole('button', { name: 'Reply', exact: true }).click()
      const answer = other.locator('li.message--inbound', { hasText: reply })
      await answer.waitFor({ timeout: 20_000 })
      await other.getByLabel('Message', { exact: true }).fill(second)
      await other.getByRole('button', { name: 'Send text' }).click()
      await sentCard(second).and(other.locator('[data-status="read"]')).waitFor({ timeout: 20_000 })

      const ids = [
        (await sentCard(second).getAttribute('data-message-id'))!,
        (await answer.getAttribute('data-inbound-id'))!,
        (await sentCard(first).getAttribute('data-message-id'))!,
      ]
      const shown = await feedOrder(other)
      expect(shown.ids).toEqual(ids)
      expect(shown.times, shown.times.join(', ')).toSatisfy(newestFirst)
      expect(shown.ids.filter((id) => firstSession.includes(id))).toEqual([])
      await screenshot(other, 'session-own-messages')

      // A reload replays the session's feed from the server: the same messages, in the same order.
      await other.reload()
      await other.locator(`[data-message-id="${ids[0]}"]`).waitFor()
      await expect.poll(async () => (await feedOrder(other)).ids).toEqual(ids)
      await screenshot(other, 'session-reloaded')

      // The first session got none of it: its next reply arrives after the second session's
      // would have, on the same ordered stream.
      const mine = 'Balasan untuk sesi pertama (e2e)'
      await page.getByLabel('Customer’s number').selectOption(OPEN_WINDOW)
      await page.getByLabel(`Reply as ${OPEN_WINDOW}`).fill(mine)
      await page.getByRole('button', { name: 'Reply', exact: true }).click()
      await page.locator('li.message--inbound', { hasText: mine }).waitFor({ timeout: 20_000 })
      const after = await feedOrder(page)
      expect(after.ids.filter((id) => ids.includes(id))).toEqual([])
      expect(after.times, after.times.join(', ')).toSatisfy(newestFirst)
      await expect(page.getByText(reply).count()).resolves.toBe(0)
      expect(otherErrors).toEqual([])
    } finally {
      await fresh.close()
    }
  })

  it('shows the API key in no request or response of the page', async () => {
    await traffic.settle()
    const exchanges = [...traffic.exchanges.values()]
    // The recording is real: it holds the token exchange, a send, and the event stream's events.
    const token = exchanges.find(
      (entry) => entry.url.endsWith('/api/kirim/token') && entry.status === 200,
    )
    expect(token?.responseBody).toMatch(/"token":"[\w-]+\.[\w-]+\.[\w-]+"/)
    expect(token?.requestHeaders.cookie).toMatch(/kirim_demo_sid=/)
    const sends = exchanges.filter(
      (entry) => entry.url.endsWith('/api/kirim/v1/messages') && entry.method === 'POST',
    )
    expect(sends.length).toBeGreaterThanOrEqual(4)
    expect(sends[0]!.requestBody).toContain('"type":"text"')
    expect(sends[0]!.requestHeaders.authorization).toMatch(/^Bearer /)
    expect(
      exchanges.some((entry) => entry.streamed && entry.responseBody.includes('message.status')),
    ).toBe(true)
    // Every body the browser kept was read (streams end unread when the page stops them).
    expect(
      exchanges.filter((entry) => entry.bodyError !== undefined && entry.url.includes('/api/')),
    ).toEqual([])

    const texts = await pageTexts(page, traffic)
    expect(findSecret(texts, EMULATOR_KEY)).toEqual([])
    // The scan would see it: the same search finds the key planted in a copy of a response.
    const planted = new Map([
      ['planted', `${texts.values().next().value}${btoa(`{"k":"${EMULATOR_KEY}"}`)}`],
    ])
    expect(findSecret(planted, EMULATOR_KEY)).toEqual(['planted'])
  })

  it('logged no page error, console error or failed request', () => {
    expect(errors).toEqual([])
  })

  it('ships no API key in a production build, even with KIRIM_API_KEY set', async () => {
    for (const apiKey of [undefined, FAKE_KEY]) {
      const outDir = await mkdtemp(join(tmpdir(), 'kirim-demo-build-'))
      try {
        await withKirimEnv({ KIRIM_API_KEY: apiKey }, () =>
          build({
            configFile,
            root: demoRoot,
            envDir: false,
            logLevel: 'silent',
            build: { outDir, emptyOutDir: true },
          }),
        )
        const files = await readTree(outDir)
        expect([...files.keys()]).toContain('index.html')
        const scripts = [...files].filter(([path]) => path.endsWith('.js'))
        // The real bundle: the page that reads its config and talks to the proxy.
        const bundle = scripts.map(([, text]) => text).join('\n')
        expect(bundle).toContain('/api/demo/config')
        expect(bundle).toContain('/api/kirim')
        expect(findSecret(files, EMULATOR_KEY)).toEqual([])
        expect(findSecret(files, FAKE_KEY)).toEqual([])
      } finally {
        await rm(outDir, { recursive: true, force: true })
      }
    }
  })
})

describe('the demo in live mode, against a Kirim API over HTTP', () => {
  // The emulator on a port stands in for the real API: a key only the dev server knows,
  // statuses as signed webhooks over HTTP to the dev server's /api/kirim/webhooks.
  const LIVE_KEY = 'kdv_live_e2eLiveModeKeyOnlyTheServerKnows'
  const WEBHOOK_SECRET = 'whsec_e2eLiveModeWebhookSecret'
  const SENDER = '+628511760008029'
  let upstream: Emulator
  let api: EmulatorServer
  let demo: RunningDemo
  let browser: Browser
  let page: Page
  let traffic: TrafficRecorder

  beforeAll(async () => {
    upstream = createEmulator({ apiKeys: [LIVE_KEY], numbers: [SENDER], timing: 'fast' })
    api = await serve(upstream, { port: 0, host: '127.0.0.1' })
    demo = await startDemo({
      KIRIM_API_KEY: LIVE_KEY,
      KIRIM_BASE_URL: api.url,
      KIRIM_WEBHOOK_SECRET: WEBHOOK_SECRET,
      KIRIM_FROM: SENDER,
    })
    const target = await fetch(`${api.url}/_emulator/webhook`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: `${demo.url}/api/kirim/webhooks`, secret: WEBHOOK_SECRET }),
    })
    expect(target.status).toBe(200)
    browser = await launchBrowser()
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
    const errors = collectPageErrors(page)
    await logStatuses(page)
    traffic = await recordTraffic(page)
    await openDemo(page, demo.url, errors)
  })

  afterAll(async () => {
    await traffic?.stop()
    await browser?.close()
    await demo?.server.close()
    await api?.close()
    await upstream?.close()
  })

  it('says it is live, offers no emulator controls, and mounts no control API', async () => {
    await expect(page.getByRole('note').textContent()).resolves.toContain('Live mode')
    await expect(page.getByRole('heading', { name: 'Customer' }).count()).resolves.toBe(0)
    await expect(page.getByRole('button', { name: /Open window/ }).count()).resolves.toBe(0)
    const config = await (await fetch(`${demo.url}/api/demo/config`)).json()
    expect(config).toEqual({
      mode: 'live',
      numbers: [SENDER],
      testRecipients: [],
      liveStatus: true,
    })
    const control = await fetch(`${demo.url}/_emulator/inbound`, { method: 'POST', body: '{}' })
    expect(control.status).toBe(404)
    expect(upstream.messages()).toEqual([])
  })

  it('sends through the proxy with the server-side key and follows the webhooks to read', async () => {
    const text = 'Halo dari Kirim (e2e, live mode)'
    await page.getByLabel('To', { exact: true }).fill(OPEN_WINDOW)
    await page.getByLabel('Message', { exact: true }).fill(text)
    await page.getByRole('button', { name: 'Send text' }).click()

    const sent = page.locator('li.message[data-message-id]', { hasText: text })
    await sent.and(page.locator('[data-status="read"]')).waitFor({ timeout: 20_000 })
    const id = (await sent.getAttribute('data-message-id'))!
    const seen = await statusLog(page, id)
    expect(seen, seen.join(' → ')).toSatisfy(movedForwardToRead)
    // Upstream got it from the configured sender; every webhook reached the proxy over HTTP.
    expect(upstream.messages()).toMatchObject([
      { id, from: SENDER, to: OPEN_WINDOW, status: 'read' },
    ])
    await expect
      .poll(() => upstream.deliveries().map((delivery) => delivery.state))
      .toEqual(['delivered', 'delivered', 'delivered'])
  })

  it('says only what it knows of the window: unknown, then the customer’s message seen by webhook', async () => {
    const hint = (state: string) =>
      page.locator(`.address__to .window-note[data-window="${state}"]`)
    await expect(page.getByLabel('To', { exact: true }).inputValue()).resolves.toBe(OPEN_WINDOW)
    await hint('unknown').waitFor()
    await expect(hint('unknown').textContent()).resolves.toContain('Kirim’s API does not report it')
    await screenshot(page, 'live-window-unknown')

    // The customer answers on their phone: Kirim's webhook reaches the proxy over HTTP, and the
    // message goes to the session that last wrote to them from that number.
    const reply = 'Balasan lewat webhook (e2e, live mode)'
    const inbound = await fetch(`${api.url}/_emulator/inbound`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ from: OPEN_WINDOW, to: SENDER, text: reply }),
    })
    expect(inbound.status).toBe(200)
    const card = page.locator('li.message--inbound', { hasText: reply })
    await card.waitFor({ timeout: 20_000 })
    await expect(card.textContent()).resolves.toContain(`from ${OPEN_WINDOW}`)
    await hint('open').waitFor()
    const text = await hint('open').textContent()
    expect(text).toContain(`24-hour window with ${SENDER}: open until at least`)
    expect(text).toContain('seen here by webhook')
    await screenshot(page, 'live-window-seen')

    // Another browser's session saw none of it and knows nothing of the window.
    const fresh = await browser.newContext()
    try {
      const other = await fresh.newPage()
      await openDemo(other, demo.url, collectPageErrors(other))
      await other.getByText('No messages yet').waitFor()
      await other.getByLabel('To', { exact: true }).fill(OPEN_WINDOW)
      await other.locator('.address__to .window-note[data-window="unknown"]').waitFor()
      await expect(other.getByText(reply).count()).resolves.toBe(0)
    } finally {
      await fresh.close()
    }
  })

  it('shows the server-side key in no request or response of the page', async () => {
    const texts = await pageTexts(page, traffic)
    expect([...texts.keys()].some((label) => label.includes('/api/kirim/v1/messages'))).toBe(true)
    expect(findSecret(texts, LIVE_KEY)).toEqual([])
    expect(findSecret(texts, WEBHOOK_SECRET)).toEqual([])
  })
})
