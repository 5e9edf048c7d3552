/**
 * `GET <basePath>/v1/messages/{id}`: forwarded only for a message this token's subject sent
 * through the proxy; any other id is answered 404 without asking upstream.
 */
import type { ProxyContext } from '../context.ts'
import { errorResponse } from '../envelope.ts'
import { answerFrom } from '../forward.ts'
import type { TokenClaims } from '../token.ts'
import { advance, changeOf, messageOf } from '../track.ts'
import { askUpstream } from './upstream.ts'

/** Forwards the read; a newer status it shows also reaches the event stream. */
export async function getMessage(
  context: ProxyContext,
  request: Request,
  claims: TokenClaims,
  id: string,
): Promise<Response> {
  const record = await context.messages.get(id)
  if (record === undefined || record.subject !== claims.sub) {
    // The same answer for "not yours" and "does not exist": ids of others are not confirmed.
    return errorResponse({
      status: 404,
      type: 'not_found',
      code: 'resource_not_found',
      message: 'No such message.',
    })
  }
  const outcome = await askUpstream(
    context,
    { method: 'GET', path: `/v1/messages/${id}`, signal: request.signal },
    'getMessage',
  )
  if (!outcome.ok) return outcome.response
  if (outcome.answer.status === 200) {
    const message = messageOf(outcome.answer.text)
    if (message?.id === id) await advance(context, id, changeOf(message))
  }
  return answerFrom(outcome.answer)
}
