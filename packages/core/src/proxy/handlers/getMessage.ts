/**
 * `GET <basePath>/v1/messages/{id}`: forwarded only for a message this token's subject sent
 * through the proxy; any other id is answered 404 without asking upstream.
 */
import type { ProxyContext } from '../context.ts'
import { refuse } from '../errors.ts'
import { advance, changeOf } from '../ownership.ts'
import type { TokenClaims } from '../token.ts'
import { answerFrom, askUpstream, messageIn } from '../upstream.ts'

/** Forwards the read; a newer status it shows also reaches the event stream. */
export async function getMessage(
  context: ProxyContext,
  request: Request,
  claims: TokenClaims,
  id: string,
): Promise<Response> {
  const record = await context.messages.get(id)
  // The same answer for "not yours" and "does not exist": ids of others are not confirmed.
  if (record === undefined || record.subject !== claims.sub) return refuse('resource_not_found')
  const outcome = await askUpstream(context, {
    method: 'GET',
    path: `/v1/messages/${id}`,
    signal: request.signal,
  })
  if (!outcome.ok) return outcome.response
  if (outcome.answer.status === 200) {
    const message = messageIn(outcome.answer)
    if (message?.id === id) await advance(context, id, changeOf(message))
  }
  return answerFrom(outcome.answer)
}
