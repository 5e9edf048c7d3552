/** Recipients with scripted behaviour (emulator.md, "The 24-hour window and test recipients"). */
export const TEST_RECIPIENTS = {
  /** Window open: a seeded inbound message. */
  openWindow: '+628111111111',
  /** Window closed: free-form fails at once, templates succeed. */
  closedWindow: '+628122222222',
  /** Accepted, then fails `recipient_not_on_whatsapp`. */
  notOnWhatsApp: '+628133333333',
  /** Fails at once `recipient_blocked`. */
  blocked: '+628144444444',
  /** Delivered, never read. */
  neverReads: '+628155555555',
} as const

/**
 * Test recipients whose window is always open: fixtures that show their scripted outcome for
 * free-form messages too, however far the clock moves.
 */
export const ALWAYS_OPEN: ReadonlySet<string> = new Set([
  TEST_RECIPIENTS.openWindow,
  TEST_RECIPIENTS.notOnWhatsApp,
  TEST_RECIPIENTS.neverReads,
])

/** A media URL on this host is accepted, then fails `media_download_failed`. */
export const UNREACHABLE_MEDIA_HOST = 'unreachable.example'
