/**
 * `POST <basePath>/v1/messages`: a send checked against the token (validity, scope, quota) and
 * core's schemas before it reaches upstream with the API key.
 */
import { ValidationError } from '../../errors/ValidationError.ts'
import { parseSendMessage } from '../../schemas/index.ts'
import { parseJson, readBody } from '../body.ts'
import type { ProxyContext } from '../context.ts'
import { errorResponse } from '../envelope.ts'
import { answerFrom, upstreamRequestId } from '../forward.ts'
import { upstreamIdempotencyKey } from '../idempotency.ts'
import { checkScope } from '../scope.ts'
import type { QuotaCharge } from '../stores.ts'
import type { TokenClaims } from '../token.ts'
import { messageOf, recordSend } from '../track.ts'
import { askUpstream } from './upstream.ts'

const JSON_TYPE = /^application\/json\s*(?:;|$)/i
/** The contract's rule for `Idempotency-Key`: 1–255 printable ASCII characters. */
const IDEMPOTENCY_KEY = /^[\x20-\x7e]{1,255}$/

/** Forwards a send, or answers why not (400, 403, 413, 415 …). */
export async function sendMessage(
  context: ProxyContext,
  request: Request,
  claims: TokenClaims,
): Promise<Response> {
  if (!JSON_TYPE.test(request.headers.get('content-type') ?? '')) {
    return errorResponse({
      status: 415,
      type: 'invalid_request_error',
      code: 'unsupported_media_type',
      message: 'Send the message as JSON with "Content-Type: application/json".',
    })
  }
  const idempotencyKey = request.headers.get('idempotency-key') ?? undefined
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    return errorResponse({
      status: 400,
      type: 'invalid_request_error',
      code: 'invalid_idempotency_key',
      param: 'Idempotency-Key',
      message: 'Idempotency-Key must be 1–255 printable ASCII characters.',
    })
  }
  const bytes = await readBody(request)
  if (bytes === 'too_large') {
    return errorResponse({
      status: 413,
      type: 'invalid_request_error',
      code: 'request_too_large',
      message: 'The body is larger than 1 MiB.',
    })
  }
  const json = parseJson(bytes)
  if (!json.ok) {
    return errorResponse({
      status: 400,
      type: 'invalid_request_error',
      code: 'invalid_json',
      message: 'The body is not valid UTF-8 JSON.',
    })
  }
  let send: ReturnType<typeof parseSendMessage>
  try {
    send = parseSendMessage(json.value)
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    return errorResponse({
      status: 400,
      type: 'invalid_request_error',
      code: 'validation_failed',
      param: error.issues[0]?.path || undefined,
      message: `Invalid message: ${error.issues.map((issue) => `${issue.path || '(root)'} ${issue.message}`).join('; ')}`,
      issues: error.issues,
    })
  }
  const violation = checkScope(claims.scope, send)
  if (violation !== undefined) {
    return errorResponse({ status: 403, type: 'permission_error', ...violation })
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
      return errorResponse({
        status: 403,
        type: 'permission_error',
        code: 'quota_exceeded',
        message: `This token may send at most ${maxSends} message(s); get a new token to send more.`,
      })
    }
    counted = decision === 'counted'
  }

  const outcome = await askUpstream(
    context,
    {
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
    },
    'send',
  )
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
    const message = messageOf(answer.text)
    if (message === undefined) {
      context.report(
        new Error('The Kirim API answered a send with a body that is not a Message.'),
        {
          route: 'send',
          requestId: upstreamRequestId(answer),
        },
      )
    } else {
      await recordSend(context, claims.sub, message)
    }
  }
  return answerFrom(answer)
}
