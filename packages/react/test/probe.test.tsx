import { test } from 'vitest'
import { Kirim } from '@kirim/core'
import { createEmulator } from '@kirim/emulator'
import { serve } from '@kirim/emulator/node'
test('probe', async () => {
  const emulator = createEmulator({ timing: 'manual' })
  const server = await serve(emulator, { port: 0 })
  const buffered: typeof fetch = async (input, init) => {
    const r = await fetch(input, init)
    const body = [101, 204, 205, 304].includes(r.status) ? null : await r.arrayBuffer()
    return new Response(body, { status: r.status, statusText: r.statusText, headers: r.headers })
  }
  const x = new Response('abc'); const y = x.clone(); console.log('constructed clone', await x.text(), await y.text())
  const kirim = new Kirim({ apiKey: 'kdv_live_emulatoremulatoremulator', baseUrl: server.url, dangerouslyAllowBrowser: true, fetch: buffered })
  const m = await kirim.messages.send({ to: '+628111111111', type: 'text', text: { body: 'hi' } })
  console.log(m)
  for (let i = 0; i < 4; i++) { await emulator.clock.advance('1s'); console.log((await kirim.messages.get(m.id)).status) }
  const page = await kirim.templates.list({ status: 'approved' })
  console.log(page.data.length, page.hasMore, page.data.slice(0,3).map(t => [t.name, JSON.stringify(t.components)]))
  await server.close(); await emulator.close()
})
