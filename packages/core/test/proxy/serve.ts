/**
 * Serves a Web-standard handler over `node:http` the way the README tells a Node deployment to
 * run the proxy: `@hono/node-server`'s `getRequestListener`, on 127.0.0.1 and a free port.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getRequestListener } from '@hono/node-server'

/** A listening handler. */
export interface Served {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string
  close(): Promise<void>
}

/** Serves `handler` on 127.0.0.1 and a free port. */
export async function serve(handler: (request: Request) => Promise<Response>): Promise<Served> {
  const server = createServer(getRequestListener(handler))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
