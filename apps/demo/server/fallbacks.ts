/**
 * `POST /api/demo/fallbacks { failed, fallback }`: the session sent the template `fallback` in
 * place of its failed text `failed`. The feed records it on the template's entry, so the link
 * survives a reload. Both must be messages of the caller's own session.
 */
import type { SentEntry } from '../shared/protocol.ts'
import type { Feeds } from './feeds.ts'
import { failure, json, jsonOf } from './responses.ts'

const PARAMS = ['failed', 'fallback'] as const

export async function linkFallback(
  feeds: Feeds,
  subject: string,
  request: Request,
): Promise<Response> {
  // JSON only: a cross-site form cannot send it without a preflight the demo never answers.
  if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) {
    return failure(415, {
      type: 'invalid_request_error',
      code: 'unsupported_media_type',
      message: 'Send the link as application/json.',
    })
  }
  const body = await jsonOf(request)
  const link = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  const sent: Partial<Record<(typeof PARAMS)[number], SentEntry>> = {}
  for (const param of PARAMS) {
    const id = link[param]
    if (typeof id !== 'string') {
      return failure(400, {
        type: 'invalid_request_error',
        code: 'invalid_field_value',
        param,
        message: `${param} must be the msg_ id of a message this session sent.`,
      })
    }
    const entry = feeds.find(subject, id)
    if (entry?.kind !== 'sent') {
      return failure(404, {
        type: 'not_found',
        code: 'resource_not_found',
        param,
        message: `${param} is not a message this session sent.`,
      })
    }
    sent[param] = entry
  }
  const { failed, fallback } = sent
  if (
    failed === undefined ||
    fallback === undefined ||
    fallback.id === failed.id ||
    fallback.body.type !== 'template' ||
    fallback.to !== failed.to
  ) {
    return failure(400, {
      type: 'invalid_request_error',
      code: 'invalid_field_value',
      param: 'fallback',
      message: 'fallback must be a template this session sent to the recipient of failed.',
    })
  }
  const linked: SentEntry = { ...fallback, fallbackFor: failed.id }
  feeds.add(subject, linked)
  return json({ data: linked })
}
