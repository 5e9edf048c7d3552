import ky from 'ky'
import { isBrowser } from '../core/environment.ts'
import { InvalidResponseError } from '../errors/InvalidResponseError.ts'
import { readResponse } from '../http/readResponse.ts'
import { transportRetry } from '../http/retry.ts'
import { markedFetch, toConnectionError } from '../http/transport.ts'
import { TokenResponseSchema } from '../schemas/index.ts'
import { isHeaderSafe } from './isHeaderSafe.ts'
import type { IssuedToken } from './TokenCache.ts'

export interface TokenUrlSource {
  readonly tokenUrl: string
  readonly fetch: typeof fetch | undefined
  readonly headers: Readonly<Record<string, string>>
  readonly timeout: number
  readonly maxRetries: number
}

/**
 * The issuer behind `tokenUrl`: POSTs to it and checks the answer is `{ token, expiresIn }`.
 *
 * Only network failures are retried: minting is cheap to repeat, but an error answer (401 from
 * an expired session, 403 from `authorize`) will not change by asking again. In a browser the
 * POST carries `credentials: 'include'` so the app's session cookie reaches the endpoint even on
 * another origin (the endpoint must then answer with `Access-Control-Allow-Credentials: true`);
 * elsewhere there are no cookies to send, and some edge runtimes reject the option.
 */
export const tokenUrlIssuer = (source: TokenUrlSource): (() => Promise<IssuedToken>) => {
  const fetch = markedFetch(source.fetch)
  return async () => {
    const target = `POST ${source.tokenUrl}`
    let exchange: { response: Response; text: string }
    try {
      const pending = ky.post(source.tokenUrl, {
        fetch,
        headers: { ...source.headers, accept: 'application/json' },
        credentials: isBrowser() ? 'include' : undefined,
        timeout: source.timeout,
        throwHttpErrors: false,
        retry: transportRetry(source.maxRetries, { methods: ['post'], retryOnTimeout: false }),
      })
      const response = await pending
      exchange = { response, text: await pending.text() }
    } catch (error) {
      throw toConnectionError(error, { signal: undefined, timeout: source.timeout, target })
    }
    const issued = readResponse(
      exchange.response,
      exchange.text,
      TokenResponseSchema,
      'token response',
    )
    if (!isHeaderSafe(issued.token)) {
      throw new InvalidResponseError(
        [
          {
            path: 'token',
            message: 'must be visible ASCII characters without spaces, to fit a header',
          },
        ],
        { status: exchange.response.status, what: 'token response' },
      )
    }
    return issued
  }
}
