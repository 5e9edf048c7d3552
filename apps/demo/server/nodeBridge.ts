/**
 * Mounts a Web-standard `fetch(request)` handler in a Node `http` middleware stack (as Vite's
 * dev and preview servers speak it). `@hono/node-server` does the bridging: bodies stream both
 * ways (Server-Sent Events need it), a client that goes away aborts the request's signal, and a
 * request Node cannot turn into a `Request` (a malformed `Host`) is answered 400.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { getRequestListener } from '@hono/node-server'

type FetchHandler = (request: Request) => Promise<Response>

/** Serves `handler` for requests whose path starts with one of `prefixes`; others go to `next`. */
export function mount(prefixes: readonly string[], handler: FetchHandler) {
  // Vite's process is not ours: its global Request and Response classes stay as they are.
  const listener = getRequestListener(handler, { overrideGlobalObjects: false })
  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
    const path = req.url ?? '/'
    if (
      !prefixes.some(
        (prefix) =>
          path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`),
      )
    ) {
      next()
      return
    }
    listener(req, res).catch(next)
  }
}
