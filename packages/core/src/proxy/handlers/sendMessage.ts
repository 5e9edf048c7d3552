/**
 * `POST <basePath>/v1/messages`: a send checked against the token (validity, scope, quota) and
 * core's schemas before it reaches upstream with the API key.
 */
import { inlineIssues } from '../../errors/ValidationError.ts'
import { isIdempotencyKey, SendMessageSchema, validate } from '../../schemas/index.ts'
import type { ProxyContext } from '../context.ts'
import { refuse } from '../errors.ts'
import { upstreamIdempotencyKey } from '../idempotency.ts'
import { recordSend } from '../ownership.ts'
import { parseJson, readBody } from '../requestBody.ts'
import { checkScope } from '../scope.ts'
import type { QuotaCharge } from '../stores.ts'
import type { TokenClaims } from '../token.ts'
import { answerFrom, askUpstream, messageIn, upstreamRequestId } from '../upstream.ts'

const JSON_TYPE = /^application\/json\s*(?:;|$)/i

/** Forwards a send, or answers why not (400, 403, 413, 415 …). */
export async function sendMessage(
  context: ProxyContext,
  request: Request,
  claims: TokenClaims,
): Promise<Response> {
  if (!JSON_TYPE.test(request.headers.get('content-type') ?? '')) {
    return refuse('unsupported_media_type')
  }
  const idempotencyKey = request.headers.get('idempotency-key') ?? undefined
  if (idempotencyKey !== undefined && !isIdempotencyKey(idempotencyKey)) {
    return refuse('invalid_idempotency_key', { param: 'Idempotency-Key' })
  }
  const bytes = await readBody(request)
  if (bytes instanceof Response) return bytes
  const json = parseJson(bytes)
  if (!json.ok) return refuse('invalid_json')
  const { output: send, issues } = validate(SendMessageSchema, json.value)
  if (send === undefined) {
    return refuse('validation_failed', {
      param: issues[0]?.path || undefined,
      message: `Invalid message: ${inlineIssues(issues)}`,
      issues,
    })
  }
  const violation = checkScope(claims.scope, send)
  if (violation !== undefined) {
    return refuse(violation.code, { param: violation.param, message: violation.message })
  }

  let charge: QuotaCharge | undefined
  let counted = false
  const maxSends = claims.scope?.maxSends
  if (maxSends !== undefined) {
    charge = {
      key: `${claims.sub}\u0000${claims.jti}`,
      limit: maxSends,
      idempotencyKey,
      expiresAt: claims.exp * 1000,
    }
    const decision = await context.quota.consume(charge)
    if (decision === 'exceeded') {
      return refuse('quota_exceeded', {
        message: `This token may send at most ${maxSends} message(s); get a new token to send more.`,
      })
    }
    counted = decision === 'counted'
  }

  const outcome = await askUpstream(context, {
    method: 'POST',
    path: '/v1/messages',
    // Re-serialised from the value that was validated, so upstream reads exactly what was
    // checked (a body with duplicate keys could otherwise be read differently there).
    body: JSON.stringify(json.value),
    idempotencyKey:
      idempotencyKey === undefined
        ? undefined
        : await upstreamIdempotencyKey(claims.sub, idempotencyKey),
    signal: request.signal,
  })
  // A 4xx means nothing was sent: the quota is given back (unless a same-key repeat went
  // upstream meanwhile: the store keeps the count then). A 5xx or no answer may hide a send that
  // happened, so it stays counted (a retry with the same key is not counted again).
  const nothingSent = outcome.ok
    ? outcome.answer.status >= 400 && outcome.answer.status < 500
    : !outcome.maybeDelivered
  if (counted && charge !== undefined && nothingSent) await context.quota.refund(charge)
  if (!outcome.ok) return outcome.response

  const { answer } = outcome
  if (answer.status >= 200 && answer.status < 300) {
    const message = messageIn(answer)
    if (message === undefined) {
      context.report(
        new Error('The Kirim API answered a send with a body that is not a Message.'),
        upstreamRequestId(answer),
      )
    } else {
      await recordSend(context, claims.sub, message)
    }
  }
  return answerFrom(answer)
}
