/**
 * The status-event hub behind `GET <basePath>/events`: per subject, a bounded buffer of recent
 * events (for `Last-Event-ID` resume) and the live subscribers. A subject's events go to that
 * subject's subscribers only.
 */
import type { MessageStatus } from '../schemas/index.ts'

/** The JSON of one `message.status` event, as the browser receives it. */
export interface StatusEventData {
  readonly id: string
  readonly status: MessageStatus
  readonly provider_message_id: string | null
  readonly updated_at: string
  readonly error: {
    readonly code: string
    readonly message: string
    readonly provider_code: number | string | null
  } | null
}

/** One buffered event: its SSE id and its serialised data. */
export interface HubEvent {
  readonly id: string
  readonly data: string
  /** When it was published, ms since the epoch. */
  readonly at: number
}

/** A live stream of one subject. */
export interface HubSubscriber {
  /** Called for each new event of the subject. */
  event(event: HubEvent): void
  /** Called when the hub closes (`proxy.close()`). */
  close(): void
}

/** What {@link EventHub.subscribe} returns. */
export interface Subscription {
  /** Buffered events to send first: those after `lastEventId`, or all when it is unknown. */
  readonly replay: readonly HubEvent[]
  unsubscribe(): void
}

/** The hub. */
export interface EventHub {
  publish(subject: string, data: StatusEventData): void
  subscribe(subject: string, subscriber: HubSubscriber, lastEventId?: string): Subscription
  /** How many live subscribers a subject has (for tests and metrics). */
  subscriberCount(subject: string): number
  /** Ends every live stream. */
  close(): void
}

/** Options of {@link createEventHub}. */
export interface EventHubOptions {
  /** Events kept per subject. @default 1000 */
  readonly maxEvents?: number
  /** How long an event is kept, in ms. @default 3600000 (1 hour) */
  readonly maxAge?: number
  /**
   * Live streams per subject; past it, the subject's oldest stream is ended (its `EventSource`
   * reconnects and resumes). @default 32
   */
  readonly maxSubscribers?: number
  /** The clock, ms since the epoch. @default Date.now */
  readonly now?: () => number
}

interface Channel {
  events: HubEvent[]
  readonly subscribers: Set<HubSubscriber>
}

const SWEEP_EVERY = 256

/**
 * Creates a hub. Event ids are `<instance>.<seq>`: `seq` only increases, and `instance`
 * tells a `Last-Event-ID` from an earlier process apart (its events are gone: replay the buffer).
 */
export function createEventHub(options: EventHubOptions = {}): EventHub {
  const maxEvents = options.maxEvents ?? 1000
  const maxAge = options.maxAge ?? 3_600_000
  // A token holder can open streams without end (each one a socket and a timer): a subject's
  // streams are capped, and the oldest goes first, so that a reconnecting tab is never locked out.
  const maxSubscribers = options.maxSubscribers ?? 32
  const now = options.now ?? Date.now
  // Made on first use, not at construction: Workers freeze the clock and forbid randomness in
  // the global scope, where a proxy is often created.
  let instance: string | undefined
  const instanceId = (): string => {
    instance ??= `${Date.now().toString(36)}${crypto.randomUUID().slice(0, 6)}`
    return instance
  }
  const channels = new Map<string, Channel>()
  let publishes = 0
  // One sequence for the hub, not one per subject: a subject's channel may be dropped when idle
  // and made again, and its ids must still increase.
  let seq = 0

  const trim = (channel: Channel): void => {
    const oldest = now() - maxAge
    let drop = 0
    while (drop < channel.events.length && channel.events[drop]!.at <= oldest) drop++
    if (channel.events.length - drop > maxEvents) drop = channel.events.length - maxEvents
    if (drop > 0) channel.events.splice(0, drop)
  }

  const sweep = (): void => {
    for (const [subject, channel] of channels) {
      trim(channel)
      if (channel.events.length === 0 && channel.subscribers.size === 0) channels.delete(subject)
    }
  }

  const channelOf = (subject: string): Channel => {
    let channel = channels.get(subject)
    if (channel === undefined) {
      channel = { events: [], subscribers: new Set() }
      channels.set(subject, channel)
    }
    return channel
  }

  return {
    publish(subject, data) {
      if (++publishes % SWEEP_EVERY === 0) sweep()
      const channel = channelOf(subject)
      const event: HubEvent = {
        id: `${instanceId()}.${++seq}`,
        data: JSON.stringify(data),
        at: now(),
      }
      channel.events.push(event)
      trim(channel)
      for (const subscriber of channel.subscribers) subscriber.event(event)
    },

    subscribe(subject, subscriber, lastEventId) {
      const channel = channelOf(subject)
      trim(channel)
      let replay: readonly HubEvent[] = channel.events.slice()
      const match = /^([0-9a-z]+)\.(\d+)$/.exec(lastEventId ?? '')
      const current = instanceId()
      if (match !== null && match[1] === current) {
        const after = Number(match[2])
        replay = channel.events.filter(
          (event) => Number(event.id.slice(current.length + 1)) > after,
        )
      }
      channel.subscribers.add(subscriber)
      // After the add: the channel is never empty here, so ending the oldest cannot drop it.
      for (const oldest of channel.subscribers) {
        if (channel.subscribers.size <= maxSubscribers) break
        channel.subscribers.delete(oldest)
        oldest.close()
      }
      return {
        replay,
        unsubscribe() {
          channel.subscribers.delete(subscriber)
          if (channel.subscribers.size === 0 && channel.events.length === 0) {
            if (channels.get(subject) === channel) channels.delete(subject)
          }
        },
      }
    },

    subscriberCount(subject) {
      return channels.get(subject)?.subscribers.size ?? 0
    },

    close() {
      for (const channel of channels.values()) {
        for (const subscriber of [...channel.subscribers]) subscriber.close()
        channel.subscribers.clear()
      }
    },
  }
}
