/**
 * @module
 * workerd entry (a module Worker): the emulator URL comes in the `EMULATOR_URL` binding, the
 * scenario's answer goes back as the response body.
 */
import { describeError, runScenario } from '../scenario.ts'

interface Env {
  readonly EMULATOR_URL: string
}

export default {
  async fetch(_request: Request, env: Env): Promise<Response> {
    // Cloudflare's runtime names itself here; the harness checks it to know where the code ran.
    const runtime = navigator.userAgent
    try {
      return Response.json({ runtime, result: await runScenario(env.EMULATOR_URL) })
    } catch (error) {
      return Response.json({ runtime, error: describeError(error) }, { status: 500 })
    }
  },
}
