import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'

/** One connection the scripted server accepted. */
export interface SseConnection {
  readonly headers: IncomingMessage['headers']
  readonly url: string
  /** Writes raw event-stream text. */
  write(text: string): void
  /** Writes one `message.status` event. */
  status(id: string, data: Record<string, unknown>): void
  /** Ends the response cleanly. */
  end(): void
  /** Cuts the connection (a network drop). */
  destroy(): void
  /** Whether the client is still connected. */
  readonly open: boolean
}

/** What the server answers a new connection: an event stream, or a refusal. */
export type Answer =
  | { readonly status: number; readonly body?: string; readonly contentType?: string }
  | 'stream'

/**
 * A scripted `text/event-stream` server on 127.0.0.1: each connection is handed to the test,
 * which writes exactly the frames (and faults) it needs. CORS is open, as the page's fetch
 * enforces it.
 */
export interface SseServer {
  readonly url: string
  readonly connections: SseConnection[]
  /** The answer to the next connections (default: `'stream'`). */
  answer(next: Answer | ((index: number) => Answer)): void
  /** Connections whose client is still there. */
  openConnections(): number
  /** Resolves with the `index`-th connection once it arrived. */
  connection(index: number): Promise<SseConnection>
  close(): Promise<void>
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, last-event-id, accept, cache-control',
  'access-control-allow-methods': 'GET',
}

export async function startSseServer(): Promise<SseServer> {
  const connections: SseConnection[] = []
  const waiters: (() => void)[] = []
  let answer: Answer | ((index: number) => Answer) = 'stream'
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS)
      res.end()
      return
    }
    const index = connections.length
    const decided = typeof answer === 'function' ? answer(index) : answer
    let open = true
    res.on('close', () => {
      open = false
    })
    const connection: SseConnection = {
      headers: req.headers,
      url: req.url ?? '',
      write: (text) => {
        if (open) res.write(text)
      },
      status: (id, data) => {
        if (open) res.write(`id: ${id}\nevent: message.status\ndata: ${JSON.stringify(data)}\n\n`)
      },
      end: () => res.end(),
      destroy: () => res.destroy(),
      get open() {
        return open
      },
    }
    connections.push(connection)
    for (const wake of waiters.splice(0)) wake()
    if (decided === 'stream') {
      res.writeHead(200, {
        ...CORS,
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
      })
      res.flushHeaders()
    } else {
      res.writeHead(decided.status, {
        ...CORS,
        'content-type': decided.contentType ?? 'application/json',
      })
      res.end(decided.body ?? '')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}/events`,
    connections,
    answer(next) {
      answer = next
    },
    openConnections: () => connections.filter((connection) => connection.open).length,
    async connection(index) {
      while (connections.length <= index) {
        await new Promise<void>((resolve) => waiters.push(resolve))
      }
      return connections[index]!
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
