/**
 * Records everything a page exchanges over the network through the Chrome DevTools Protocol:
 * each request's URL, headers (as sent, cookies included) and body, and each response's headers
 * (as received, `Set-Cookie` included) and body. Event streams are captured chunk by chunk while
 * they are open (`Network.streamResourceContent`), since they never finish on their own.
 */
import type { CDPSession, Page } from 'playwright-core'

export interface RecordedExchange {
  readonly requestId: string
  url: string
  method: string
  requestHeaders: Record<string, string>
  requestBody: string
  status: number | undefined
  mimeType: string | undefined
  responseHeaders: Record<string, string>
  responseBody: string
  /** Why the body could not be read (`undefined` when it was). */
  bodyError: string | undefined
  streamed: boolean
}

export interface TrafficRecorder {
  readonly exchanges: ReadonlyMap<string, RecordedExchange>
  /** Waits for every pending body read. */
  settle(): Promise<void>
  /** Everything recorded, as one string per exchange (for scanning). */
  dump(): string[]
  stop(): Promise<void>
}

type Headers = Record<string, unknown>
const flatten = (headers: Headers | undefined): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]),
  )

const decode = (base64: string): string => Buffer.from(base64, 'base64').toString('utf8')

export async function recordTraffic(page: Page): Promise<TrafficRecorder> {
  const cdp: CDPSession = await page.context().newCDPSession(page)
  const exchanges = new Map<string, RecordedExchange>()
  const pending = new Set<Promise<void>>()
  const track = (work: Promise<void>) => {
    pending.add(work)
    void work.finally(() => pending.delete(work))
  }
  const exchange = (requestId: string): RecordedExchange => {
    let found = exchanges.get(requestId)
    if (found === undefined) {
      found = {
        requestId,
        url: '',
        method: '',
        requestHeaders: {},
        requestBody: '',
        status: undefined,
        mimeType: undefined,
        responseHeaders: {},
        responseBody: '',
        bodyError: undefined,
        streamed: false,
      }
      exchanges.set(requestId, found)
    }
    return found
  }

  cdp.on('Network.requestWillBeSent', (event) => {
    const entry = exchange(event.requestId)
    entry.url = event.request.url
    entry.method = event.request.method
    Object.assign(entry.requestHeaders, flatten(event.request.headers))
    if (event.request.hasPostData) {
      const inline = (event.request.postDataEntries ?? [])
        .map((part: { bytes?: string }) => (part.bytes === undefined ? '' : decode(part.bytes)))
        .join('')
      entry.requestBody = inline || event.request.postData || ''
      if (entry.requestBody === '') {
        track(
          cdp
            .send('Network.getRequestPostData', { requestId: event.requestId })
            .then(({ postData }) => {
              entry.requestBody = postData
            })
            .catch(() => {}),
        )
      }
    }
  })
  cdp.on('Network.requestWillBeSentExtraInfo', (event) => {
    Object.assign(exchange(event.requestId).requestHeaders, flatten(event.headers))
  })
  cdp.on('Network.responseReceived', (event) => {
    const entry = exchange(event.requestId)
    entry.url ||= event.response.url
    entry.status = event.response.status
    entry.mimeType = event.response.mimeType
    Object.assign(entry.responseHeaders, flatten(event.response.headers))
    if (event.response.mimeType === 'text/event-stream') {
      entry.streamed = true
      track(
        cdp
          .send('Network.streamResourceContent', { requestId: event.requestId })
          .then(({ bufferedData }) => {
            entry.responseBody = decode(bufferedData) + entry.responseBody
          })
          .catch((error: Error) => {
            entry.bodyError = error.message
          }),
      )
    }
  })
  cdp.on('Network.responseReceivedExtraInfo', (event) => {
    Object.assign(exchange(event.requestId).responseHeaders, flatten(event.headers))
  })
  cdp.on('Network.dataReceived', (event) => {
    const entry = exchanges.get(event.requestId)
    if (entry?.streamed && event.data) entry.responseBody += decode(event.data)
  })
  cdp.on('Network.loadingFinished', (event) => {
    const entry = exchanges.get(event.requestId)
    if (entry === undefined || entry.streamed) return
    track(
      cdp
        .send('Network.getResponseBody', { requestId: event.requestId })
        .then(({ body, base64Encoded }) => {
          entry.responseBody = base64Encoded ? decode(body) : body
        })
        .catch((error: Error) => {
          entry.bodyError = error.message
        }),
    )
  })
  cdp.on('Network.loadingFailed', (event) => {
    const entry = exchanges.get(event.requestId)
    if (entry !== undefined && !entry.streamed) entry.bodyError = event.errorText
  })
  await cdp.send('Network.enable', {
    maxTotalBufferSize: 100_000_000,
    maxResourceBufferSize: 50_000_000,
  })

  return {
    exchanges,
    async settle() {
      while (pending.size > 0) await Promise.all([...pending])
    },
    dump() {
      return [...exchanges.values()].map((entry) =>
        [
          `${entry.method} ${entry.url} → ${entry.status ?? '-'}`,
          JSON.stringify(entry.requestHeaders),
          entry.requestBody,
          JSON.stringify(entry.responseHeaders),
          entry.responseBody,
        ].join('\n'),
      )
    },
    async stop() {
      await cdp.detach().catch(() => {})
    },
  }
}
