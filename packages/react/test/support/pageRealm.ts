/**
 * These tests run their servers (the emulator, the proxy) inside happy-dom's globals, which
 * `@hono/node-server` was not written for: happy-dom's `Request` copies only its own `Headers`
 * (and drops the headers a page may not set), and its `Headers` keep the case a name was given
 * in, where the adapter expects the lower case of the Fetch standard. So each request is rebuilt
 * as a happy-dom `Request` with every header the client sent, and each answer is handed back
 * with lower-case header names.
 */
type Handler = (request: Request) => Promise<Response>

export function inPageRealm(handler: Handler): Handler {
  return async (incoming) => {
    const headers = new Headers([...incoming.headers])
    const hasBody = incoming.method !== 'GET' && incoming.method !== 'HEAD'
    const request = new Request(incoming.url, {
      method: incoming.method,
      headers,
      body: hasBody ? await incoming.arrayBuffer() : undefined,
      signal: incoming.signal,
    })
    // A server sees the headers as they came, Origin and Cookie included.
    Object.defineProperty(request, 'headers', { value: headers })
    const response = await handler(request)
    const answer = new Headers()
    response.headers.forEach((value, name) => {
      answer.append(name.toLowerCase(), value)
    })
    return new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers: answer,
    })
  }
}
