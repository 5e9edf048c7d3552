/**
 * @module
 * Vercel Edge entry (a service-worker style script for `edge-runtime`): the emulator URL comes
 * in the `emulator` query parameter, the scenario's answer goes back as the response body.
 */
import { describeError, runScenario } from '../scenario.ts'

interface FetchEvent extends Event {
  readonly request: Request
  respondWith(response: Promise<Response>): void
}

declare const EdgeRuntime: string

async function handle(request: Request): Promise<Response> {
  const runtime = typeof EdgeRuntime === 'string' ? EdgeRuntime : 'unknown'
  try {
    const emulatorUrl = new URL(request.url).searchParams.get('emulator')
    if (!emulatorUrl) throw new Error('missing ?emulator=<url>')
    return Response.json({ runtime, result: await runScenario(emulatorUrl) })
  } catch (error) {
    return Response.json({ runtime, error: describeError(error) }, { status: 500 })
  }
}

addEventListener('fetch', (event) => {
  const fetchEvent = event as FetchEvent
  fetchEvent.respondWith(handle(fetchEvent.request))
})
