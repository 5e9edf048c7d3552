/** `POST /api/demo/fallbacks`: tells the session's feed which failed message a template replaced. */
import type { FallbackLink } from '../../shared/protocol.ts'

export async function linkFallback(link: FallbackLink): Promise<void> {
  const response = await fetch('/api/demo/fallbacks', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(link),
  })
  if (!response.ok) {
    const payload = (await response.json().catch(() => ({}))) as { error?: { message?: string } }
    throw new Error(payload.error?.message ?? `The demo answered HTTP ${response.status}.`)
  }
}
