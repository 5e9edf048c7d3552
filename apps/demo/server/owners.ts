/**
 * Which session a customer's message belongs to. A customer writes to a business number, not to a
 * browser, so the demo decides, in this order:
 *
 * 1. the session that played the customer for it (emulator mode, `POST /_emulator/inbound`);
 * 2. the session that sent the message it answers (WhatsApp names it in `context`);
 * 3. the session that last sent that customer a message from that business number.
 *
 * A message that matches none belongs to no session and is shown to nobody.
 */
import type { ReceivedEntry, SentEntry } from '../shared/protocol.ts'
import type { Feeds } from './feeds.ts'

/** Routes customer messages to the feeds of the sessions they belong to. */
export interface Owners {
  /** Notes a message `subject` sent (rules 2 and 3). */
  sent(subject: string, entry: SentEntry): void
  /**
   * Starts a customer message played through the emulator: until the returned function is
   * called, a customer message nobody claimed waits, since it may be this one.
   */
  playing(): (claim?: Claim) => void
  /** Adds a customer message from a verified webhook to the feed it belongs to. */
  received(entry: ReceivedEntry): void
}

/** What a played customer message is: its `wamid`, who played it, and its exact time. */
export interface Claim {
  readonly id: string
  /** The session that played it; `undefined` when the call came without one. */
  readonly subject: string | undefined
  /** The emulator's `created_at` (ms precision, where the webhook has whole seconds). */
  readonly createdAt: string | undefined
}

/** A map that forgets its oldest keys past a limit. */
class Recent<V> {
  readonly #map = new Map<string, V>()
  constructor(readonly limit: number) {}

  get(key: string): V | undefined {
    return this.#map.get(key)
  }

  set(key: string, value: V): void {
    this.#map.delete(key)
    this.#map.set(key, value)
    for (const oldest of this.#map.keys()) {
      if (this.#map.size <= this.limit) break
      this.#map.delete(oldest)
    }
  }
}

/** How many claims, senders and sent `wamid`s are remembered. */
const REMEMBERED = 10_000

const pair = (customer: string, business: string | undefined): string =>
  `${customer}\n${business ?? ''}`

/** Creates the routing onto `feeds`. */
export function createOwners(feeds: Feeds): Owners {
  const claims = new Recent<Claim>(REMEMBERED)
  const bySentWamid = new Recent<string>(REMEMBERED)
  const lastSender = new Recent<string>(REMEMBERED)
  const waiting = new Map<string, ReceivedEntry>()
  let inFlight = 0

  const deliver = (entry: ReceivedEntry, claim: Claim | undefined): void => {
    const subject =
      claim?.subject ??
      (entry.inReplyTo === undefined ? undefined : bySentWamid.get(entry.inReplyTo)) ??
      lastSender.get(pair(entry.from, entry.to)) ??
      (entry.to === undefined ? undefined : lastSender.get(pair(entry.from, undefined)))
    if (subject === undefined) return
    feeds.add(
      subject,
      claim?.createdAt === undefined ? entry : { ...entry, receivedAt: claim.createdAt },
    )
  }

  const release = (): void => {
    for (const [id, entry] of waiting) {
      const claim = claims.get(id)
      if (claim === undefined && inFlight > 0) continue
      waiting.delete(id)
      deliver(entry, claim)
    }
  }

  return {
    sent(subject, entry) {
      if (entry.providerMessageId !== null) bySentWamid.set(entry.providerMessageId, subject)
      lastSender.set(pair(entry.to, entry.from), subject)
      lastSender.set(pair(entry.to, undefined), subject)
    },

    playing() {
      inFlight++
      let done = false
      return (claim) => {
        if (done) return
        done = true
        inFlight--
        if (claim !== undefined) claims.set(claim.id, claim)
        release()
      }
    },

    received(entry) {
      const claim = claims.get(entry.id)
      if (claim === undefined && inFlight > 0) {
        waiting.set(entry.id, entry)
        return
      }
      deliver(entry, claim)
    },
  }
}
